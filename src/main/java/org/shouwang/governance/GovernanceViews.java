package org.shouwang.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the governance pages and API show: bodies, meetings, action items. */
public final class GovernanceViews {

    private GovernanceViews() {
    }

    public record Person(long accountId, String username, String name) {
    }

    public record Body(long id, int version, String name, GoverningBodyKind kind, String description, List<Person> chairs,
                       List<Person> members) {
    }

    /** How many meetings of each kind a body (or all bodies) held in a year. */
    public record YearCount(int year, int community, int seminars, int regular) {
    }

    public record MeetingRow(long id, long bodyId, String bodyName, MeetingKind kind, String title, Instant heldAt,
                             String place, boolean finished, int decisions, int decisionsDone) {
    }

    /** The governance page: bodies, the year's meetings newest first and their counts. */
    public record Overview(int year, List<Body> bodies, List<MeetingRow> meetings, YearCount count, List<Integer> years,
                           boolean mayRecord, boolean mayEditBodies) {
    }

    public record Attendee(long accountId, String username, String name, MeetingAttendance attendance) {
    }

    public record Meeting(long id, int version, long bodyId, String bodyName, MeetingKind kind, String title, Instant heldAt,
                          String place, List<String> agenda, List<Attendee> attendees, String minutes, Instant finishedAt,
                          String recorderName, List<ActionItem> decisions, boolean mayRecord) {
    }

    public record Department(long id, String name) {
    }

    public record Progress(String by, ActionItemStatus status, String note, Instant at) {
    }

    /**
     * A decision as an action item. overdue: not done and its deadline passed; supervisedAt: when the
     * overdue item was raised to supervision (once); mayUpdate: the viewer's department owns it.
     */
    public record ActionItem(long id, int version, Long meetingId, String meetingTitle, LocalDate meetingDay, String source, String decision,
                             long departmentId, String departmentName, LocalDate deadline, ActionItemStatus status,
                             String completionNote, Instant closedAt, Instant supervisedAt, boolean overdue,
                             boolean mayUpdate, List<Progress> progress) {
    }
}
