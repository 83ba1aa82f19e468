package org.shouwang.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

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
 * node: a copy older than half of that is still served while a background thread computes a new
 * one, and copies asked for in the last ten minutes are renewed in the background, so a leader
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
    private final long cacheNanos;
    private final ConcurrentHashMap<Key, Entry> cache = new ConcurrentHashMap<>();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "leader-dashboard-refresh");
        t.setDaemon(true);
        return t;
    });

    private static final Logger log = LoggerFactory.getLogger(LeaderDashboard.class);
    /** Copies nobody asked for in this long are no longer renewed in the background. */
    private static final long KEEP_WARM_NANOS = Duration.ofMinutes(10).toNanos();

    /** The default period of one day in one language. */
    private record Key(LocalDate from, LocalDate to, Locale locale) {
    }

    /** A computed dashboard, when its computation began, and who last asked for it (renewals are computed as them). */
    private static final class Entry {
        final Dashboard dashboard;
        final long computedAt;
        volatile long usedAt;
        volatile Viewer viewer;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Entry(Dashboard dashboard, long computedAt, Viewer viewer) {
            this.dashboard = dashboard;
            this.computedAt = computedAt;
            this.usedAt = computedAt;
            this.viewer = viewer;
        }
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
        this.cacheNanos = cacheFor.isNegative() ? 0 : cacheFor.toNanos();
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
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

    /** One cell of a breakdown: {@code requests} is null when suppressed (shown as "&lt;5"). */
    public record Cell(String key, String name, Long requests, boolean suppressed) {
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
        if (from != null || to != null || cacheNanos == 0) {
            return compute(viewer, first, last);
        }
        Key key = new Key(first, last, LocaleContextHolder.getLocale());
        long now = System.nanoTime();
        Entry entry = cache.get(key);
        if (entry != null && now - entry.computedAt < cacheNanos) {
            entry.usedAt = now;
            entry.viewer = viewer;
            if (now - entry.computedAt >= cacheNanos / 2) {
                renew(key, entry);
            }
            return entry.dashboard;
        }
        Dashboard d = compute(viewer, first, last);
        cache.put(key, new Entry(d, now, viewer));
        cache.keySet().removeIf(k -> !k.to().equals(last));
        return d;
    }

    /** Renews the copies asked for lately that are past half their time (every 5 seconds, on each node). */
    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    void keepWarm() {
        long now = System.nanoTime();
        cache.forEach((key, entry) -> {
            if (now - entry.usedAt > KEEP_WARM_NANOS) {
                cache.remove(key, entry);
            } else if (now - entry.computedAt >= cacheNanos / 2) {
                renew(key, entry);
            }
        });
    }

    /** Computes the entry anew in the background (once at a time), in its language. */
    private void renew(Key key, Entry entry) {
        if (!entry.refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            refresher.execute(() -> {
                Locale before = LocaleContextHolder.getLocale();
                try {
                    LocaleContextHolder.setLocale(key.locale());
                    long started = System.nanoTime();
                    Dashboard d = compute(entry.viewer, key.from(), key.to());
                    Entry fresh = new Entry(d, started, entry.viewer);
                    fresh.usedAt = entry.usedAt;
                    cache.replace(key, entry, fresh);
                    log.debug("Renewed the leader dashboard of {} to {} ({}) in {} ms", key.from(), key.to(), key.locale(),
                            (System.nanoTime() - started) / 1_000_000);
                } catch (RuntimeException e) {
                    log.warn("Renewing the leader dashboard of {} to {} failed", key.from(), key.to(), e);
                    entry.refreshing.set(false);
                } finally {
                    LocaleContextHolder.setLocale(before);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            entry.refreshing.set(false);
        }
    }

    /** The dashboard of [first, last], computed now. The period's total is the month trend's total (the same figures). */
    private Dashboard compute(Viewer viewer, LocalDate first, LocalDate last) {
        LocalDate end = last.plusDays(1);
        TicketKpis.Report trend = kpis.report(viewer, first, end, TicketKpis.Dimension.MONTH);
        return new Dashboard(first, last, trend.total(), trend.rows(),
                cells(kpis.report(viewer, first, end, TicketKpis.Dimension.CATEGORY), true),
                cells(kpis.report(viewer, first, end, TicketKpis.Dimension.COLLEGE), false),
                cells(kpis.report(viewer, first, end, TicketKpis.Dimension.BUILDING), false),
                activities.counts(viewer, first, last, ActivityCounts.Dimension.TYPE),
                activities.counts(viewer, first, last, ActivityCounts.Dimension.SERIES),
                activities.counts(viewer, first, last, ActivityCounts.Dimension.EDUCATION));
    }

    private static List<Cell> cells(TicketKpis.Report report, boolean categories) {
        return report.rows().stream().map(row -> {
            long n = row.figures().requests();
            boolean hide = categories && SmallGroups.sensitive(row.key()) && n < SmallGroups.MIN_GROUP;
            return new Cell(row.key(), row.name(), hide ? null : n, hide);
        }).toList();
    }

}
