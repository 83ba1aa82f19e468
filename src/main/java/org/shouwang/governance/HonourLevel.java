package org.shouwang.governance;

/** Who awarded it, by rank: national, provincial, municipal, university. */
public enum HonourLevel {
    NATIONAL,
    PROVINCIAL,
    MUNICIPAL,
    UNIVERSITY
}
