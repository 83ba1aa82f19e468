package org.shouwang.demo;

import org.shouwang.shared.Viewer;

/**
 * One part of the demo campus that a module's demo data needs (studios, rosters, inspections…).
 * {@link DemoCampus} loads every section, in {@link org.springframework.core.annotation.Order}, after
 * the people, rooms, accounts, requests and activities exist, in the same transaction.
 */
interface DemoSection {

    void load(Context context);

    /**
     * @param seed  the same seed gives the same data
     * @param small true in tests (a campus of a few hundred students): keep the section quick
     */
    record Context(long seed, boolean small, DemoCampus campus) {

        /** A demo account (see {@link DemoCampus#ACCOUNTS}) as the viewer it signs in as. */
        public Viewer viewer(String username) {
            return campus.viewerOf(username);
        }
    }
}
