package org.shouwang.party;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.shouwang.activities.ActivityQueries;
import org.shouwang.activities.ActivityState;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.ActivityViews;
import org.shouwang.activities.AttendanceQueries;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A branch's activities (三会一课, organisation life, Party days): activities of the activities module
 * organised by a Party branch under the branch's name. Everyone signed in sees the list and the
 * yearly counts; members' attendance only the branch's managers and holders of Party roles.
 */
@Service
@Transactional(readOnly = true)
public class BranchActivities {

    /** The activity types a branch's yearly count is kept by. */
    public static final List<ActivityType> PARTY_TYPES = List.of(ActivityType.PARTY_LESSON, ActivityType.ORGANISATION_LIFE,
            ActivityType.PARTY_DAY);
    private static final int MOST = 1000;

    private final JdbcClient jdbc;
    private final PartyOrganisations organisations;
    private final ActivityQueries activities;
    private final AttendanceQueries attendance;
    private final People people;
    private final Clock clock;

    BranchActivities(JdbcClient jdbc, PartyOrganisations organisations, @Lazy ActivityQueries activities,
                     @Lazy AttendanceQueries attendance, @Lazy People people, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.activities = activities;
        this.attendance = attendance;
        this.people = people;
        this.clock = clock;
    }

    /** One member's attendance over the year's held activities. */
    public record MemberAttendance(long studentId, String name, String studentNumber, String status, int registered, int attended) {
    }

    /**
     * @param attendance null when the viewer may not see it
     */
    public record BranchYear(long organisationId, String organisation, int year, List<ActivityViews.Row> activities,
                             Map<ActivityType, Integer> countsByType, int total, List<MemberAttendance> attendance,
                             boolean manages) {
    }

    public int currentYear() {
        return CampusTime.today(clock).getYear();
    }

    /** The branch's activities of a year (newest first), counts by type, and attendance for those who may see it; 404 for no such organisation. */
    public BranchYear year(Viewer viewer, long organisationId, int year) {
        PartyViews.Organisation organisation = organisations.organisation(organisationId);
        List<ActivityViews.Row> rows = activities.organisedBy(OrganiserKind.PARTY_BRANCH, organisation.name(), false, MOST).stream()
                .filter(r -> r.startsAt().atZone(CampusTime.ZONE).getYear() == year).toList();
        List<ActivityViews.Row> held = rows.stream().filter(r -> r.state() == ActivityState.PUBLISHED).toList();
        Map<ActivityType, Integer> counts = new EnumMap<>(ActivityType.class);
        PARTY_TYPES.forEach(t -> counts.put(t, 0));
        held.forEach(r -> counts.merge(r.type(), 1, Integer::sum));
        boolean manages = organisations.manages(viewer, organisationId);
        List<MemberAttendance> tallies = null;
        if (manages || organisations.holdsPartyRole(viewer)) {
            tallies = attendance(organisationId, held.stream().map(ActivityViews.Row::id).toList());
        }
        return new BranchYear(organisationId, organisation.name(), year, rows, counts, held.size(), tallies, manages);
    }

    private List<MemberAttendance> attendance(long organisationId, List<Long> activityIds) {
        record Row(long student, String status) {
        }
        List<Row> members = jdbc.sql("""
                        SELECT student_id, status FROM party_member WHERE organisation_id = ? AND active AND student_id IS NOT NULL
                        ORDER BY id""")
                .param(organisationId).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2))).list();
        List<Long> ids = members.stream().map(Row::student).toList();
        Map<Long, StudentSummary> names = people.summaries(ids);
        Map<Long, AttendanceQueries.Tally> tallies = attendance.tallies(activityIds, ids);
        List<MemberAttendance> out = new ArrayList<>();
        for (Row m : members) {
            StudentSummary s = names.get(m.student());
            AttendanceQueries.Tally t = tallies.get(m.student());
            out.add(new MemberAttendance(m.student(), s == null ? "—" : s.name(), s == null ? "" : s.studentNumber(), m.status(),
                    t == null ? 0 : t.registered(), t == null ? 0 : t.attended()));
        }
        out.sort(java.util.Comparator.comparing(MemberAttendance::name));
        return out;
    }
}
