package org.shouwang.identity;

import java.util.Set;
import java.util.UUID;

import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;

/** Accounts that one test may lock, reset or re-password without disturbing the demo accounts other tests use. */
final class Throwaway {

    static final String PASSWORD = "Initial2026";

    private Throwaway() {
    }

    static String username(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new staff-like account holding the role; like every account an admin opens, its password must change. */
    static Account account(Accounts accounts, Viewer admin, String purpose, Role role) {
        String username = username(purpose);
        return accounts.create(admin, new Accounts.Draft(username, "Test " + username, null, Set.of(role), null, PASSWORD));
    }
}
