package org.shouwang.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.RemovalCause;

import org.shouwang.activities.ActivityCounts;
import org.shouwang.activities.FrontLine;
import org.shouwang.activities.FrontLineViews;
import org.shouwang.party.Mentors;
import org.shouwang.party.PartnerViews;
import org.shouwang.party.Partners;
import org.shouwang.party.PartyMemberViews;
import org.shouwang.party.PartyMembers;
import org.shouwang.party.PartyOrganisationKind;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.PartyViews;
import org.shouwang.studios.ProjectViews;
import org.shouwang.studios.Projects;
import org.shouwang.studios.Studios;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.TicketKpis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The leader dashboard: campus-wide request KPIs (from the tickets module's {@link TicketKpis}, never
 * recomputed), their monthly trend, requests by category, college and building, and activities by
 * type, series and education (from {@link ActivityCounts}). Leaders, administrators and student
 * affairs only; anyone else gets 404. Sensitive categories (psychology, legal, safety) with fewer
 * than {@link SmallGroups#MIN_GROUP} requests show as "&lt;5", never their number.
 * <p>
 * The default period (the last twelve months, asked for without dates) is kept for a short while
 * ({@code shouwang.insights.dashboard-cache}, 60 seconds; 0 turns it off) per language, on each
 * node, in a Caffeine cache: a copy older than half of that is still served while a new one is
 * computed in the background, and copies asked for in the last ten minutes are renewed before
 * anyone asks, so a leader
 * opening the dashboard waits for no aggregate over the whole history. Its figures are then at
 * most that old. A period with dates is always computed when asked.
 */
@Service
public class LeaderDashboard {

    private final TicketKpis kpis;
    private final ActivityCounts activities;
    private final Clock clock;
    private final Studios studios;
    private final Projects projects;
    private final Partners partners;
    private final Mentors mentors;
    private final PartyOrganisations party;
    private final PartyMembers members;
    private final FrontLine frontLine;
    /** The default period's dashboards lately asked for, per day and language; null when off. */
    private final LoadingCache<Key, Dashboard> recent;
    /** Who last asked for each (the figures are the same for everyone allowed): renewals are computed as them. */
    private final Map<Key, Viewer> askers = new ConcurrentHashMap<>();

    private static final Logger log = LoggerFactory.getLogger(LeaderDashboard.class);

    /** The default period of one day in one language. */
    private record Key(LocalDate from, LocalDate to, Locale locale) {
    }

    LeaderDashboard(TicketKpis kpis, ActivityCounts activities, Clock clock, Studios studios, Projects projects,
                    Partners partners, Mentors mentors, PartyOrganisations party, PartyMembers members, FrontLine frontLine,
                    @Value("${shouwang.insights.dashboard-cache:PT60S}") Duration cacheFor) {
        this.kpis = kpis;
        this.activities = activities;
        this.clock = clock;
        this.studios = studios;
        this.projects = projects;
        this.partners = partners;
        this.mentors = mentors;
        this.party = party;
        this.members = members;
        this.frontLine = frontLine;
        // Older than half its time, a copy is still served while a new one is computed in the background;
        // never older than its whole time; forgotten when nobody asked for it in ten minutes.
        this.recent = cacheFor.isNegative() || cacheFor.isZero() ? null : Caffeine.newBuilder()
                .refreshAfterWrite(cacheFor.dividedBy(2)).expireAfterWrite(cacheFor)
                .expireAfterAccess(Duration.ofMinutes(10))
                .removalListener((Key key, Dashboard d, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        askers.remove(key);
                    }
                })
                .build(this::computeAsLastAsker);
    }

    /**
     * Counts of today (not of the period): active studios, projects and those with overdue
     * milestones, active partners, mentors, functional Party branches and their full and
     * probationary members; front-line activities held per leader in the current year.
     */
    public record Counts(int studios, int projects, int overdueProjects, int partners, int mentors, int functionalBranches,
                         int branchMembers, int frontLineYear, List<FrontLineCount> frontLine) {
    }

    /** One leader's front-line record of the year. */
    public record FrontLineCount(long leaderAccountId, String leader, int held, Integer target) {
    }

    /** Today's counts for a leader, an administrator or student affairs. */
    public Counts counts(Viewer viewer) {
        require(viewer);
        List<ProjectViews.Row> all = projects.list(viewer, ProjectViews.Filter.everything());
        List<PartnerViews.Summary> active = partners.list(viewer, null, false);
        List<PartyViews.Node> functional = party.tree().stream()
                .filter(n -> n.kind() == PartyOrganisationKind.BRANCH && n.functional()).toList();
        java.util.Map<Long, PartyMemberViews.Counts> memberCounts = members.counts();
        int branchMembers = functional.stream().map(n -> memberCounts.getOrDefault(n.id(), PartyMemberViews.Counts.NONE))
                .mapToInt(c -> c.full() + c.probationary()).sum();
        int year = frontLine.currentYear();
        List<FrontLineCount> fl = FrontLine.maySeeFrontLine(viewer)
                ? frontLine.summary(viewer, year).leaders().stream()
                        .map(l -> new FrontLineCount(l.leaderAccountId(), l.leader(), l.held(), l.target())).toList()
                : List.of();
        return new Counts(studios.directory(null, null).size(), all.size(),
                (int) all.stream().filter(r -> r.overdue() > 0).count(), active.size(),
                mentors.directory(null, null).size(), functional.size(), branchMembers, year, fl);
    }

    /**
     * One cell of a breakdown: {@code requests} is null when suppressed — shown as "&lt;5", or as
     * "—" when {@code withheld} so that another "&lt;5" cannot be worked out from the total.
     */
    public record Cell(String key, String name, Long requests, boolean suppressed, boolean withheld) {
    }

    /** The dashboard of [from, to] (both inclusive). */
    public record Dashboard(LocalDate from, LocalDate to, TicketKpis.Figures total, List<TicketKpis.Row> trend,
                            List<Cell> byCategory, List<Cell> byCollege, List<Cell> byBuilding,
                            ActivityCounts.Report activitiesByType, ActivityCounts.Report activitiesBySeries,
                            ActivityCounts.Report activitiesByEducation) {
    }

    public void require(Viewer viewer) {
        if (!(viewer.has(Role.LEADER) || viewer.has(Role.ADMIN) || viewer.has(Role.STUDENT_AFFAIRS))) {
            throw new NotFoundException("page", "insights");
        }
    }

    /** Without dates: the last twelve months up to today. */
    public Dashboard dashboard(Viewer viewer, LocalDate from, LocalDate to) {
        require(viewer);
        LocalDate today = CampusTime.today(clock);
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.withDayOfMonth(1).minusMonths(11) : from;
        if (first.isAfter(last)) {
            throw new InvalidInput("to", "insights.dashboard.toBeforeFrom");
        }
        if (from != null || to != null || recent == null) {
            return compute(viewer, first, last);
        }
        Key key = new Key(first, last, LocaleContextHolder.getLocale());
        askers.put(key, viewer);
        return recent.get(key);
    }

    /** Renews the copies asked for lately that are past half their time, so that nobody waits for them (every 5 s, on each node). */
    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    void keepWarm() {
        if (recent == null) {
            return;
        }
        recent.policy().refreshAfterWrite().ifPresent(refresh -> recent.asMap().keySet().forEach(key -> {
            if (refresh.ageOf(key).map(age -> age.compareTo(refresh.getRefreshesAfter()) >= 0).orElse(false)) {
                recent.refresh(key);
            }
        }));
    }

    /** Computes a cached period in its language, as whoever asked for it last. */
    private Dashboard computeAsLastAsker(Key key) {
        Locale before = LocaleContextHolder.getLocale();
        long started = System.nanoTime();
        try {
            LocaleContextHolder.setLocale(key.locale());
            return compute(askers.get(key), key.from(), key.to());
        } finally {
            LocaleContextHolder.setLocale(before);
            log.debug("Computed the leader dashboard of {} to {} ({}) in {} ms", key.from(), key.to(), key.locale(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The dashboard of [first, last], computed now. The period's total is the month trend's total (the same figures). */
    private Dashboard compute(Viewer viewer, LocalDate first, LocalDate last) {
        LocalDate end = last.plusDays(1);
        List<TicketKpis.Report> requests = kpis.reports(viewer, first, end, null, TicketKpis.Dimension.MONTH,
                TicketKpis.Dimension.CATEGORY, TicketKpis.Dimension.COLLEGE, TicketKpis.Dimension.BUILDING);
        TicketKpis.Report trend = requests.get(0);
        List<ActivityCounts.Report> counted = activities.counts(viewer, first, last, List.of(ActivityCounts.Dimension.TYPE,
                ActivityCounts.Dimension.SERIES, ActivityCounts.Dimension.EDUCATION));
        return new Dashboard(first, last, trend.total(), trend.rows(),
                cells(requests.get(1), true), cells(requests.get(2), false), cells(requests.get(3), false),
                counted.get(0), counted.get(1), counted.get(2));
    }

    private static List<Cell> cells(TicketKpis.Report report, boolean categories) {
        Map<String, SmallGroups.Shown> shown = categories ? SmallGroups.categories(report.rows()) : Map.of();
        return report.rows().stream().map(row -> {
            SmallGroups.Shown s = shown.getOrDefault(row.key(), SmallGroups.Shown.NUMBER);
            return new Cell(row.key(), row.name(), s.hidden() ? null : row.figures().requests(), s.hidden(),
                    s == SmallGroups.Shown.WITHHELD);
        }).toList();
    }

}
