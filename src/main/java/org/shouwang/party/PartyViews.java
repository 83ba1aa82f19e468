package org.shouwang.party;

import java.time.LocalDate;
import java.util.List;

/** What the Party pages and API show. */
public final class PartyViews {

    private PartyViews() {
    }

    /** One node of the tree, with the number of its direct children. */
    public record Node(long id, String name, PartyOrganisationKind kind, Long parentId, boolean functional, Long collegeId,
                       String secretaryName, int depth) {
    }

    public record CommitteeSeat(long accountId, String name, CommitteePosition position) {
    }

    public record Organisation(long id, int version, String name, PartyOrganisationKind kind, Long parentId, String parentName,
                               boolean functional, Long collegeId, Long secretaryAccountId, String secretaryName,
                               String description, LocalDate foundedOn, boolean active, List<CommitteeSeat> committee) {
    }
}
