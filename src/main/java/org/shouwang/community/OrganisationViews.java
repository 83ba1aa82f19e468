package org.shouwang.community;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.shouwang.activities.ActivityState;

/** What the organisation pages and API show. */
public final class OrganisationViews {

    private OrganisationViews() {
    }

    public record Summary(long id, String name, OrganisationKind kind, String advisorName, int members) {
    }

    /**
     * A member's term in a position. {@code studentNumber} is null for viewers who are not staff; an
     * open {@code termEnd} means still serving; the end day is the last day served.
     */
    public record Member(long id, long studentId, String studentNumber, String name, Position position,
                         LocalDate termStart, LocalDate termEnd) {
    }

    public record Organisation(long id, int version, String name, OrganisationKind kind, long advisorAccountId,
                               String advisorName, String description, LocalDate foundedOn, boolean active,
                               List<Member> members) {
    }

    /** A student's place in an organisation, for their "my organisations". */
    public record Membership(long organisationId, String name, OrganisationKind kind, Position position,
                             LocalDate termStart, LocalDate termEnd) {
    }

    /** An activity the organisation organised (organiser kind STUDENT_ORGANISATION, organiser its name). */
    public record Activity(long id, String title, Instant startsAt, Instant endsAt, String venue, ActivityState state) {
    }

    /** What the viewer may do on the page: edit and (de)activate it (admins); appoint and end terms (advisor, admins). */
    public record Moves(boolean edit, boolean manageMembers) {
    }

    /**
     * One organisation's page: members whose term has not ended (most senior first; student numbers
     * only for staff), past members (staff only), and its activities upcoming (soonest first) and past.
     */
    public record Detail(long id, int version, String name, OrganisationKind kind, long advisorAccountId,
                         String advisorName, String advisorUsername, String description, LocalDate foundedOn,
                         boolean active, List<Member> members, List<Member> pastMembers,
                         List<Activity> upcomingActivities, List<Activity> pastActivities, Moves moves) {
    }
}
