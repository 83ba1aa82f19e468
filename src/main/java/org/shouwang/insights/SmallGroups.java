package org.shouwang.insights;

import org.shouwang.tickets.Category;

/**
 * The minimum-group rule of every aggregate insights shows or exports: a count of requests of a
 * sensitive category (psychology, legal, safety) below {@link #MIN_GROUP} is never shown, only
 * "&lt;5", so that nobody can tell who asked for help from a small group. Sensitive means not
 * {@link Category#publishable()}, the same line the public board draws.
 */
public final class SmallGroups {

    /** Smallest group of a sensitive category whose number may be shown. */
    public static final int MIN_GROUP = 5;

    private SmallGroups() {
    }

    public static boolean sensitive(Category category) {
        return category != null && !category.publishable();
    }

    /** Whether a group key (a category's enum name) names a sensitive category. */
    public static boolean sensitive(String categoryKey) {
        for (Category c : Category.values()) {
            if (c.name().equals(categoryKey)) {
                return sensitive(c);
            }
        }
        return false;
    }

    /** Whether a count of this category must be hidden (shown as "&lt;5"). */
    public static boolean hidden(Category category, long count) {
        return sensitive(category) && count < MIN_GROUP;
    }

    /** The count as it may be shown: null when hidden. */
    public static Long shown(Category category, long count) {
        return hidden(category, count) ? null : count;
    }
}
