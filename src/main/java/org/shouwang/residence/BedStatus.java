package org.shouwang.residence;

/** Colour of a bed on the vacancy map. */
public enum BedStatus {
    FREE, OCCUPIED, RESERVED;

    /** A bed someone sleeps in is occupied, whether or not it was held for them. */
    static BedStatus of(Long occupantId, boolean reserved) {
        return occupantId != null ? OCCUPIED : reserved ? RESERVED : FREE;
    }
}
