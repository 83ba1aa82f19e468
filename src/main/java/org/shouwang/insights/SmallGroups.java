package org.shouwang.insights;

import java.util.LinkedHashMap;
import java.util.Map;

import org.shouwang.tickets.Category;

/**
 * The minimum-group rule of every aggregate insights shows or exports: a count of requests of a
 * sensitive category (psychology, legal, safety) below {@link #MIN_GROUP} is never shown, only
 * "&lt;5", so that nobody can tell who asked for help from a small group. Sensitive means not
 * {@link Category#publishable()}, the same line the public board draws.
 * <p>
 * Where a breakdown by category is shown beside its total, one hidden count could be worked out as
 * the total minus the others; so when exactly one category is hidden, the smallest other one is
 * withheld too ("—"), see {@link #categories(Map)}.
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

    /** How one category's count of a breakdown is shown. */
    public enum Shown {
        /** its number */
        NUMBER,
        /** "&lt;5": a sensitive category below {@link #MIN_GROUP} */
        FEWER,
        /** "—": withheld so that a "&lt;5" cannot be worked out from the total */
        WITHHELD;

        public boolean hidden() {
            return this != NUMBER;
        }
    }

    /**
     * How each count of a breakdown by category (keys: the categories' enum names, in any order)
     * whose total is shown too may be shown: every sensitive one below {@link #MIN_GROUP} as
     * "&lt;5" and, when exactly one is hidden so, the smallest other one withheld as well.
     */
    public static Map<String, Shown> categories(Map<String, Long> counts) {
        Map<String, Shown> shown = new LinkedHashMap<>();
        String fewer = null;
        int hidden = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            boolean hide = sensitive(e.getKey()) && e.getValue() < MIN_GROUP;
            shown.put(e.getKey(), hide ? Shown.FEWER : Shown.NUMBER);
            if (hide) {
                fewer = e.getKey();
                hidden++;
            }
        }
        if (hidden == 1) {
            String only = fewer;
            counts.entrySet().stream().filter(e -> !e.getKey().equals(only))
                    .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .ifPresent(e -> shown.put(e.getKey(), Shown.WITHHELD));
        }
        return shown;
    }

    /** {@link #categories(Map)} of a KPI report by category. */
    public static Map<String, Shown> categories(java.util.List<org.shouwang.tickets.TicketKpis.Row> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put(row.key(), row.figures().requests()));
        return categories(counts);
    }
}
