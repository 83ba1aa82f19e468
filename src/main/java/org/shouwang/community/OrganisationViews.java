package org.shouwang.community;

import java.time.LocalDate;
import java.util.List;

/** What the organisation pages and API show. */
public final class OrganisationViews {

    private OrganisationViews() {
    }

    public record Summary(long id, String name, OrganisationKind kind, String advisorName, int members) {
    }

    public record Member(long id, long studentId, String studentNumber, String name, Position position,
                         LocalDate termStart, LocalDate termEnd) {
    }

    public record Organisation(long id, int version, String name, OrganisationKind kind, long advisorAccountId,
                               String advisorName, String description, LocalDate foundedOn, boolean active,
                               List<Member> members) {
    }
}
