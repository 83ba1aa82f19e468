package org.shouwang.insights;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.shouwang.activities.ActivityQueries;
import org.shouwang.activities.ActivityState;
import org.shouwang.activities.ActivityViews;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.GrowthRecords;
import org.shouwang.activities.GrowthViews;
import org.shouwang.activities.RegistrationState;
import org.shouwang.activities.Semester;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketState;
import org.shouwang.tickets.TicketViews;
import org.springframework.stereotype.Service;

/**
 * The student's dashboard: their requests still under way and what waits on them (a question to
 * answer, a resolved request to rate), their places on activities not yet over, and this
 * semester's growth record by five-education dimension. Read through the tickets and activities
 * modules' own queries, so it shows exactly what the request list, the activity list and the
 * growth record show. Signed-in students only; anyone else gets 404.
 */
@Service
public class StudentDashboard {

    /** More than a student has under way at once; the request list pages beyond. */
    static final int MAX_ROWS = 200;

    private static final Set<RegistrationState> PLACES = EnumSet.of(RegistrationState.REGISTERED,
            RegistrationState.WAITLISTED, RegistrationState.ON_LEAVE);

    private final TicketQueries tickets;
    private final ActivityQueries activities;
    private final GrowthRecords growth;
    private final Clock clock;

    StudentDashboard(TicketQueries tickets, ActivityQueries activities, GrowthRecords growth, Clock clock) {
        this.tickets = tickets;
        this.activities = activities;
        this.growth = growth;
        this.clock = clock;
    }

    /** Why a request waits on the student: a question to answer, or a follow-up to give. */
    public enum Waiting { NONE, REPLY, FOLLOW_UP }

    /** One of the student's requests; {@code deadline} is the running one (none while it waits on the student). */
    public record Request(long id, String number, Category category, TicketState state, String summary, Instant submittedAt,
                          Instant deadline, TicketViews.Risk risk, Waiting waiting) {
    }

    /** A place on an activity not yet over. */
    public record Place(long activityId, String title, Instant startsAt, Instant endsAt, String venue,
                        RegistrationState state, ActivityState activityState) {
    }

    /** This semester's hours and credits of one dimension (an activity serving several counts in each). */
    public record Education(FiveEducation education, int activities, BigDecimal hours, BigDecimal credits) {
    }

    /** This semester's growth record: its totals, and by dimension. */
    public record Growth(String semester, int activities, BigDecimal hours, BigDecimal credits, BigDecimal volunteerHours,
                         List<Education> byEducation, int allActivities, BigDecimal allHours) {
    }

    /**
     * The dashboard. {@code open} counts the student's requests still being handled, {@code waiting}
     * those that wait on the student (listed first in {@code requests}: the open ones and the resolved
     * ones to rate), {@code registered} and {@code waitlisted} their places on activities not yet over.
     */
    public record Dashboard(LocalDate today, int open, int waiting, int registered, int waitlisted,
                            List<Request> requests, List<Place> places, Growth growth) {
    }

    public void require(Viewer viewer) {
        if (viewer.studentId() == null || !viewer.has(Role.STUDENT)) {
            throw new NotFoundException("page", "insights/student");
        }
    }

    public Dashboard dashboard(Viewer viewer) {
        require(viewer);
        Instant now = clock.instant();
        LocalDate today = CampusTime.today(clock);
        List<Request> requests = requests(viewer);
        int open = (int) requests.stream().filter(r -> r.state().open()).count();
        int waiting = (int) requests.stream().filter(r -> r.waiting() != Waiting.NONE).count();
        List<Place> places = activities.list(viewer, new ActivityViews.Filter(ActivityViews.Scope.REGISTERED, null, null, null,
                        null, today, null, false, null), 0, MAX_ROWS).items().stream()
                .filter(a -> a.myRegistration() != null && PLACES.contains(a.myRegistration()) && a.endsAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(ActivityViews.Row::startsAt).thenComparing(ActivityViews.Row::id))
                .map(a -> new Place(a.id(), a.title(), a.startsAt(), a.endsAt(), a.venue(), a.myRegistration(), a.state()))
                .toList();
        int registered = (int) places.stream().filter(p -> p.state() == RegistrationState.REGISTERED).count();
        int waitlisted = (int) places.stream().filter(p -> p.state() == RegistrationState.WAITLISTED).count();
        return new Dashboard(today, open, waiting, registered, waitlisted, requests, places, growth(viewer, today));
    }

    /** Open requests and resolved ones awaiting the student's rating; those waiting on the student first. */
    private List<Request> requests(Viewer viewer) {
        List<TicketViews.Row> rows = tickets.list(viewer, TicketViews.Filter.of(TicketViews.Queue.MINE), 0, MAX_ROWS).items()
                .stream().filter(r -> r.state().open() || r.state() == TicketState.RESOLVED).toList();
        // A request the student follows because theirs was merged into it is another student's to answer and rate.
        Set<Long> own = tickets.outcomes(rows.stream().filter(r -> r.state() == TicketState.WAITING_ON_STUDENT
                        || r.state() == TicketState.RESOLVED).map(TicketViews.Row::id).toList()).stream()
                .filter(o -> o.studentId() == viewer.studentId()).map(TicketViews.Outcome::id).collect(Collectors.toSet());
        List<Request> result = new ArrayList<>();
        for (TicketViews.Row r : rows) {
            Waiting waiting = !own.contains(r.id()) ? Waiting.NONE
                    : r.state() == TicketState.WAITING_ON_STUDENT ? Waiting.REPLY : Waiting.FOLLOW_UP;
            result.add(new Request(r.id(), r.number(), r.category(), r.state(), r.summary(), r.submittedAt(), r.deadline(),
                    r.risk(), waiting));
        }
        result.sort(java.util.Comparator.comparing((Request r) -> r.waiting() == Waiting.NONE)
                .thenComparing(Request::id, java.util.Comparator.reverseOrder()));
        return result;
    }

    private Growth growth(Viewer viewer, LocalDate today) {
        GrowthViews.Record record = growth.mine(viewer);
        String term = Semester.of(today).key();
        List<GrowthViews.Entry> entries = record.entries().stream().filter(e -> term.equals(e.semester())).toList();
        BigDecimal hours = sum(entries, GrowthViews.Entry::hours);
        BigDecimal credits = sum(entries, GrowthViews.Entry::credits);
        BigDecimal volunteer = sum(entries.stream().filter(GrowthViews.Entry::volunteering).toList(), GrowthViews.Entry::hours);
        List<Education> byEducation = new ArrayList<>();
        for (FiveEducation education : FiveEducation.values()) {
            List<GrowthViews.Entry> of = entries.stream().filter(e -> e.educations().contains(education)).toList();
            byEducation.add(new Education(education, of.size(), sum(of, GrowthViews.Entry::hours), sum(of, GrowthViews.Entry::credits)));
        }
        return new Growth(term, entries.size(), hours, credits, volunteer, byEducation, record.total().activities(),
                record.total().hours());
    }

    private static BigDecimal sum(List<GrowthViews.Entry> entries, java.util.function.Function<GrowthViews.Entry, BigDecimal> of) {
        BigDecimal total = new BigDecimal("0.0");
        for (GrowthViews.Entry e : entries) {
            total = total.add(of.apply(e));
        }
        return total;
    }
}
