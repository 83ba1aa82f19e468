package org.shouwang.tickets;

import java.util.List;

/** What a request is about. Repairs come with a sub-category; some categories may be urgent. */
public enum Category {
    ACADEMICS(false),
    EMPLOYMENT(false),
    PSYCHOLOGY(false),
    FINANCIAL_AID(false),
    REPAIRS(true),
    SAFETY(true),
    DORM_LIFE(false),
    LEGAL(false),
    OTHER(false);

    private final boolean urgencyAllowed;

    Category(boolean urgencyAllowed) {
        this.urgencyAllowed = urgencyAllowed;
    }

    public boolean allowsUrgency() {
        return urgencyAllowed;
    }

    /** Psychology requests are confidential: content for the student, the psychology centre and the owner only. */
    public boolean confidential() {
        return this == PSYCHOLOGY;
    }

    /** Never on the public board: psychology, legal and safety cases. */
    public boolean publishable() {
        return this != PSYCHOLOGY && this != LEGAL && this != SAFETY;
    }

    public List<Subcategory> subcategories() {
        return this == REPAIRS ? List.of(Subcategory.values()) : List.of();
    }

    /** Kinds of repair. */
    public enum Subcategory {
        WATER, ELECTRICITY, FURNITURE, NETWORK, DOOR_LOCK, OTHER
    }
}
