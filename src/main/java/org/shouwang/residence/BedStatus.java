package org.shouwang.residence;

/** Colour of a bed on the vacancy map. */
public enum BedStatus {
    FREE, OCCUPIED, RESERVED
}
