package org.shouwang.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.TicketCounts;
import org.shouwang.tickets.TicketKpis;
import org.shouwang.tickets.TicketViews;
import org.springframework.stereotype.Service;

/**
 * The department dashboard: a department's queue now (by state, extended, supervised by level),
 * its deadline risk (first responses and resolutions due within 24 working hours or overdue), and
 * the KPIs of DESIGN §5 of its requests submitted in a period with their trend by month (from
 * {@link TicketKpis}, never recomputed).
 * <p>
 * A department head sees their own department; leaders, administrators and student affairs may
 * choose any; anyone else gets 404.
 */
@Service
public class DepartmentDashboard {

    private final TicketCounts counts;
    private final TicketKpis kpis;
    private final People people;
    private final Clock clock;

    DepartmentDashboard(TicketCounts counts, TicketKpis kpis, People people, Clock clock) {
        this.counts = counts;
        this.kpis = kpis;
        this.people = people;
        this.clock = clock;
    }

    /** A department the viewer may pick. */
    public record Choice(long id, String name) {
    }

    /**
     * The dashboard of a department over [from, to] (both inclusive). {@code linked}: the viewer's
     * request list can show the requests behind the queue figures (their own department's queue).
     */
    public record Dashboard(long departmentId, String department, LocalDate from, LocalDate to, List<Choice> departments,
                            boolean linked, TicketCounts.Queue queue, TicketKpis.Figures kpis, List<TicketKpis.Row> trend) {
    }

    private static boolean seesAll(Viewer viewer) {
        return viewer.has(Role.LEADER) || viewer.has(Role.ADMIN) || viewer.has(Role.STUDENT_AFFAIRS);
    }

    /** Throws 404 unless the dashboard is for this viewer at all. */
    public void require(Viewer viewer) {
        if (!seesAll(viewer) && !(viewer.has(Role.DEPARTMENT_HEAD) && viewer.departmentId() != null)) {
            throw new NotFoundException("page", "insights/department");
        }
    }

    /** The departments the viewer may pick: every one, or their own. */
    public List<Choice> departments(Viewer viewer) {
        require(viewer);
        return people.departments().stream()
                .filter(d -> seesAll(viewer) || d.id() == viewer.departmentId())
                .map(d -> new Choice(d.id(), d.name())).toList();
    }

    /** Without dates: the last twelve months up to today. Without a department: the viewer's own, else the first. */
    public Dashboard dashboard(Viewer viewer, Long departmentId, LocalDate from, LocalDate to) {
        List<Choice> choices = departments(viewer);
        if (choices.isEmpty()) {
            throw new NotFoundException("page", "insights/department");
        }
        long department = departmentId != null ? departmentId
                : viewer.departmentId() != null && choices.stream().anyMatch(c -> c.id() == viewer.departmentId())
                ? viewer.departmentId() : choices.get(0).id();
        Choice chosen = choices.stream().filter(c -> c.id() == department).findFirst()
                .orElseThrow(() -> new NotFoundException("department", department));
        LocalDate today = CampusTime.today(clock);
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.withDayOfMonth(1).minusMonths(11) : from;
        if (first.isAfter(last)) {
            throw new InvalidInput("to", "insights.department.toBeforeFrom");
        }
        LocalDate end = last.plusDays(1);
        // the period's total is the month trend's total (the same figures, one report)
        TicketKpis.Report trend = kpis.report(viewer, first, end, TicketKpis.Dimension.MONTH, department);
        boolean linked = viewer.departmentId() != null && viewer.departmentId() == department
                && TicketViews.Queue.listedFor(viewer).contains(TicketViews.Queue.DEPARTMENT);
        return new Dashboard(department, chosen.name(), first, last, choices, linked, counts.queueOf(department),
                trend.total(), trend.rows());
    }
}
