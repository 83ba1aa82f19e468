package org.shouwang.studios;

import org.shouwang.identity.Accounts;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a studio's slots and appointments. Non-confidential ones: the studio's staff
 * (leader and members). Confidential ones (psychology studios, DESIGN §4): the psychology centre
 * only; a psychology studio's staff manage its slots only when they belong to the psychology centre.
 */
@Component
class SlotRules {

    private final Studios studios;
    private final Accounts accounts;

    SlotRules(Studios studios, @Lazy Accounts accounts) {
        this.studios = studios;
        this.accounts = accounts;
    }

    /** Publishes and withdraws the studio's slots and sees who booked them. */
    boolean manages(Viewer viewer, long studioId, StudioType type) {
        return studios.worksIn(viewer, studioId) && (!type.confidential() || viewer.has(Role.PSYCHOLOGY_CENTRE));
    }

    /** Sees (and marks, and writes notes on) an appointment as staff. */
    boolean seesAsStaff(Viewer viewer, long studioId, boolean confidential) {
        return confidential ? viewer.has(Role.PSYCHOLOGY_CENTRE) : studios.worksIn(viewer, studioId);
    }

    /** May receive students in this studio: its staff, and for a confidential studio only psychology-centre staff. */
    boolean mayReceive(long accountId, long studioId, StudioType type) {
        return studios.staffOf(studioId).contains(accountId)
                && (!type.confidential() || accounts.get(accountId).roles().contains(Role.PSYCHOLOGY_CENTRE));
    }
}
