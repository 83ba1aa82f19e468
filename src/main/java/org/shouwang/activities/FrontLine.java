package org.shouwang.activities;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Channel;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leaders' front line (一线规则): the policy talks, dinner meetings, afternoon teas, organisation
 * lives and Party days a university leader leads count on that leader's record against a yearly
 * target; each issue a student raises there is registered as a request (诉求) whose first-inquiry
 * owner is the leader, linked to the activity; when all of them have ended the attendees get one
 * digest of what was done ({@link FrontLineDigest}).
 */
@Service
@Transactional
public class FrontLine {

    static final int YEAR_MIN = 2000;
    static final int YEAR_MAX = 2100;
    static final int TARGET_MAX = 1000;

    private static final String FRONT_LINE_TYPES = Arrays.stream(ActivityType.values()).filter(ActivityType::frontLine)
            .map(t -> "'" + t.name() + "'").reduce((a, b) -> a + ", " + b).orElseThrow();

    private final Activities activities;
    private final ActivitiesProperties properties;
    private final Tickets tickets;
    private final TicketQueries ticketQueries;
    private final People people;
    private final Accounts accounts;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    FrontLine(Activities activities, ActivitiesProperties properties, @Lazy Tickets tickets, @Lazy TicketQueries ticketQueries,
              @Lazy People people, @Lazy Accounts accounts, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.activities = activities;
        this.properties = properties;
        this.tickets = tickets;
        this.ticketQueries = ticketQueries;
        this.people = people;
        this.accounts = accounts;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // — targets and records —

    /** Student affairs and admins set how many front-line activities a leader is to lead in a year. */
    public void setTarget(Viewer viewer, Long leaderAccountId, Integer year, Integer target) {
        if (!maySetTargets(viewer)) {
            throw new NotFoundException("page", "front-line/targets");
        }
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (leaderAccountId == null) {
            problems.add(new InvalidInput.Problem("leaderAccountId", "frontline.required"));
        } else if (!accounts.holding(Role.LEADER, null).contains(leaderAccountId)) {
            problems.add(new InvalidInput.Problem("leaderAccountId", "frontline.notALeader"));
        }
        if (year == null) {
            problems.add(new InvalidInput.Problem("year", "frontline.required"));
        } else if (year < YEAR_MIN || year > YEAR_MAX) {
            problems.add(new InvalidInput.Problem("year", "frontline.yearRange", String.valueOf(YEAR_MIN), String.valueOf(YEAR_MAX)));
        }
        if (target == null) {
            problems.add(new InvalidInput.Problem("target", "frontline.required"));
        } else if (target < 0 || target > TARGET_MAX) {
            problems.add(new InvalidInput.Problem("target", "frontline.targetRange", String.valueOf(TARGET_MAX)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        // Set it, whether or not one was set before (of two at the same moment, the last one wins).
        String update = "UPDATE front_line_target SET target = ? WHERE leader_account_id = ? AND target_year = ?";
        if (jdbc.sql(update).params(target, leaderAccountId, year).update() == 0
                && jdbc.sql("INSERT INTO front_line_target (leader_account_id, target_year, target) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(leaderAccountId, year, target).update() == 0) {
            jdbc.sql(update).params(target, leaderAccountId, year).update();
        }
        audit.record(viewer, "frontline.target", "account", leaderAccountId, year + ": " + target);
    }

    /** Every leader's front line in a year for student affairs and admins; a leader's own for a leader; anyone else 404. */
    @Transactional(readOnly = true)
    public FrontLineViews.Summary summary(Viewer viewer, int year) {
        checkYear(year);
        Set<Long> leaders = new LinkedHashSet<>();
        if (maySetTargets(viewer)) {
            leaders.addAll(accounts.holding(Role.LEADER, null));
            leaders.addAll(jdbc.sql("SELECT leader_account_id FROM front_line_target WHERE target_year = ?").param(year)
                    .query(Long.class).list());
            leaders.addAll(jdbc.sql("SELECT DISTINCT leader_account_id FROM activity a WHERE " + counted())
                    .params(yearParams(year)).query(Long.class).list());
        } else if (viewer.has(Role.LEADER)) {
            leaders.add(viewer.accountId());
        } else {
            throw new NotFoundException("page", "front-line");
        }
        List<FrontLineViews.LeaderSummary> rows = new ArrayList<>();
        for (long leader : leaders) {
            rows.add(leaderSummary(leader, year));
        }
        rows.sort(Comparator.comparing(FrontLineViews.LeaderSummary::leader, Comparator.nullsLast(Comparator.naturalOrder())));
        return new FrontLineViews.Summary(year, rows, maySetTargets(viewer));
    }

    /** One leader's front-line activities of a year, with attendance and issues: the leader themself, student affairs and admins. */
    @Transactional(readOnly = true)
    public FrontLineViews.LeaderRecord record(Viewer viewer, long leaderAccountId, int year) {
        checkYear(year);
        boolean own = viewer.has(Role.LEADER) && viewer.accountId() == leaderAccountId;
        if (!own && !maySetTargets(viewer)) {
            throw new NotFoundException("leader", leaderAccountId);
        }
        if (!own && !accounts.holding(Role.LEADER, null).contains(leaderAccountId) && jdbc.sql(
                "SELECT count(*) FROM activity WHERE leader_account_id = ?").param(leaderAccountId).query(Long.class).single() == 0) {
            throw new NotFoundException("leader", leaderAccountId);
        }
        Map<String, Object> params = yearParams(year);
        params.put("leader", leaderAccountId);
        List<FrontLineViews.ActivityRow> rows = jdbc.sql("""
                        SELECT a.id, a.title, a.type, a.venue, a.starts_at, a.ends_at, a.capacity, a.taken,
                               (SELECT count(*) FROM attendance t WHERE t.activity_id = a.id AND t.state = 'PRESENT') AS attended,
                               (SELECT count(*) FROM activity_request r WHERE r.activity_id = a.id) AS raised,
                               (SELECT count(*) FROM activity_request r WHERE r.activity_id = a.id AND r.closed) AS closed,
                               (SELECT count(*) FROM front_line_digest d WHERE d.activity_id = a.id) AS digest
                        FROM activity a WHERE a.leader_account_id = :leader AND """ + counted() + " ORDER BY a.starts_at DESC, a.id DESC")
                .params(params)
                .query((rs, n) -> new FrontLineViews.ActivityRow(rs.getLong("id"), rs.getString("title"),
                        ActivityType.valueOf(rs.getString("type")), rs.getString("venue"), Timestamps.read(rs, "starts_at"),
                        Timestamps.read(rs, "ends_at"), !Timestamps.read(rs, "ends_at").isAfter(clock.instant()),
                        rs.getInt("capacity"), rs.getInt("taken"), rs.getInt("attended"), rs.getInt("raised"), rs.getInt("closed"),
                        rs.getInt("digest") > 0))
                .list();
        return new FrontLineViews.LeaderRecord(leaderSummary(leaderAccountId, year), rows);
    }

    /**
     * How many published front-line activities each leader led that start from {@code from} to
     * {@code to} (both inclusive, campus zone), by type: aggregate counts for reports, every leader.
     */
    @Transactional(readOnly = true)
    public List<FrontLineViews.PeriodCount> countsBetween(LocalDate from, LocalDate to) {
        ZoneId zone = properties.zone();
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamps.of(from.atStartOfDay(zone).toInstant()));
        params.put("to", Timestamps.of(to.plusDays(1).atStartOfDay(zone).toInstant()));
        List<FrontLineViews.PeriodCount> rows = new ArrayList<>(jdbc.sql("SELECT a.leader_account_id, a.type, count(*) FROM activity a WHERE "
                        + counted() + " GROUP BY a.leader_account_id, a.type")
                .params(params)
                .query((rs, n) -> new FrontLineViews.PeriodCount(rs.getLong(1), null, ActivityType.valueOf(rs.getString(2)), rs.getInt(3)))
                .list());
        Map<Long, String> names = new HashMap<>();
        rows.replaceAll(r -> new FrontLineViews.PeriodCount(r.leaderAccountId(),
                names.computeIfAbsent(r.leaderAccountId(), this::accountName), r.type(), r.count()));
        rows.sort(Comparator.comparing(FrontLineViews.PeriodCount::leader, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(FrontLineViews.PeriodCount::leaderAccountId).thenComparing(FrontLineViews.PeriodCount::type));
        return rows;
    }

    /** The leaders targets may be set for (student affairs and admins). */
    @Transactional(readOnly = true)
    public Map<Long, String> leaders(Viewer viewer) {
        if (!maySetTargets(viewer)) {
            throw new NotFoundException("page", "front-line/targets");
        }
        Map<Long, String> names = new java.util.TreeMap<>();
        for (long id : accounts.holding(Role.LEADER, null)) {
            names.put(id, accountName(id));
        }
        return names;
    }

    public static boolean maySetTargets(Viewer viewer) {
        return viewer.isAdmin() || viewer.has(Role.STUDENT_AFFAIRS);
    }

    /** Who may open the front-line page at all. */
    public static boolean maySeeFrontLine(Viewer viewer) {
        return maySetTargets(viewer) || viewer.has(Role.LEADER);
    }

    /** The year the campus is in now. */
    public int currentYear() {
        return LocalDate.ofInstant(clock.instant(), properties.zone()).getYear();
    }

    // — issues raised at an activity —

    /**
     * Registers an issue a student raised at a front-line activity as a request for them, its
     * first-inquiry owner the leader who led the activity, and links it to the activity. For the
     * activity's organisers and its leader; the student must have attended or held a seat.
     */
    public TicketViews.Submitted raise(Viewer viewer, long activityId, FrontLineViews.IssueDraft draft) {
        Activity a = frontLineActivity(viewer, activityId);
        // One at a time with the digest (FrontLineDigest takes the same lock): no issue joins a loop just reported closed.
        jdbc.sql("SELECT id FROM activity WHERE id = ? FOR UPDATE").param(activityId).query(Long.class).single();
        Optional<String> refused = cannotRaise(viewer, a);
        if (refused.isPresent()) {
            throw new RuleViolation(refused.get());
        }
        String number = draft.studentNumber() == null ? "" : draft.studentNumber().strip();
        if (number.isEmpty()) {
            throw new InvalidInput("studentNumber", "frontline.required");
        }
        StudentSummary student = people.studentByNumber(number)
                .orElseThrow(() -> new InvalidInput("studentNumber", "frontline.unknownStudent", number));
        if (!attendedOrRegistered(activityId, student.id())) {
            throw new InvalidInput("studentNumber", "frontline.notAttendee", number);
        }
        TicketViews.Submitted submitted = tickets.register(viewer, new Tickets.Registration(number, Channel.IN_PERSON,
                new Tickets.Submission(draft.category(), draft.subcategory(), false, draft.text(), null, draft.location()),
                false, null), List.of(), a.plan.leaderAccountId());
        jdbc.sql("INSERT INTO activity_request (activity_id, ticket_id) VALUES (?, ?)").params(activityId, submitted.id()).update();
        return submitted;
    }

    /** The requests raised at a front-line activity, for its organisers and its leader. */
    @Transactional(readOnly = true)
    public FrontLineViews.Issues issues(Viewer viewer, long activityId) {
        Activity a = frontLineActivity(viewer, activityId);
        List<Long> ids = jdbc.sql("SELECT ticket_id FROM activity_request WHERE activity_id = ? ORDER BY ticket_id")
                .param(activityId).query(Long.class).list();
        List<FrontLineViews.Issue> issues = new ArrayList<>();
        for (TicketViews.Outcome o : ticketQueries.outcomes(ids)) {
            // Who may read the request (its owner, student affairs, the psychology centre for a confidential one…) reads who
            // raised it and what about; the other organisers see its number and state, and a confidential one not even its category.
            boolean shown = ticketQueries.sees(viewer, o.id());
            issues.add(new FrontLineViews.Issue(o.id(), o.number(), o.confidential() && !shown ? null : o.category(), o.state(),
                    o.state().ended(), shown, shown ? o.student() : null, shown ? o.studentNumber() : null,
                    shown ? abbreviate(o.text(), 80) : null, o.submittedAt()));
        }
        int ended = (int) issues.stream().filter(FrontLineViews.Issue::ended).count();
        FrontLineViews.Digest digest = jdbc.sql("SELECT sent_at, recipients, requests FROM front_line_digest WHERE activity_id = ?")
                .param(activityId)
                .query((rs, n) -> new FrontLineViews.Digest(Timestamps.read(rs, "sent_at"), rs.getInt("recipients"), rs.getInt("requests")))
                .optional().orElse(null);
        Optional<String> refused = cannotRaise(viewer, a);
        return new FrontLineViews.Issues(a.id, a.plan.title(), a.plan.type(), accountName(a.plan.leaderAccountId()),
                a.plan.startsAt(), a.plan.endsAt(), issues, ended, digest, refused.isEmpty(), refused.orElse(null));
    }

    // — helpers —

    /** A published (or cancelled) front-line activity led by a leader, if the viewer organises it or leads it; else 404. */
    private Activity frontLineActivity(Viewer viewer, long activityId) {
        Activity a = activities.visible(viewer, activityId);
        if (!a.managedBy(viewer) || !a.plan.type().frontLine() || a.plan.leaderAccountId() == null) {
            throw new NotFoundException("activity", activityId);
        }
        return a;
    }

    /** Why the viewer may not register an issue at the activity now, as a message code; empty when they may. */
    private Optional<String> cannotRaise(Viewer viewer, Activity a) {
        if (!Tickets.mayRegister(viewer)) {
            return Optional.of("frontline.notRegistrar");
        }
        if (a.state != ActivityState.PUBLISHED) {
            return Optional.of("frontline.notHeld");
        }
        if (clock.instant().isBefore(a.plan.startsAt())) {
            return Optional.of("frontline.notStarted");
        }
        if (jdbc.sql("SELECT count(*) FROM front_line_digest WHERE activity_id = ?").param(a.id).query(Long.class).single() > 0) {
            return Optional.of("frontline.digestSent");
        }
        return Optional.empty();
    }

    private boolean attendedOrRegistered(long activityId, long studentId) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM attendance WHERE activity_id = :a AND student_id = :s AND state = 'PRESENT')
                             + (SELECT count(*) FROM registration WHERE activity_id = :a AND student_id = :s AND state = 'REGISTERED')""")
                .param("a", activityId).param("s", studentId).query(Long.class).single() > 0;
    }

    private FrontLineViews.LeaderSummary leaderSummary(long leader, int year) {
        Map<String, Object> params = yearParams(year);
        params.put("leader", leader);
        params.put("now", Timestamps.of(clock.instant()));
        Map<ActivityType, int[]> byType = new EnumMap<>(ActivityType.class);
        jdbc.sql("""
                        SELECT a.type, count(*) FILTER (WHERE a.ends_at <= :now) AS held, count(*) FILTER (WHERE a.ends_at > :now) AS upcoming
                        FROM activity a WHERE a.leader_account_id = :leader AND """ + counted() + " GROUP BY a.type")
                .params(params)
                .query(rs -> {
                    byType.put(ActivityType.valueOf(rs.getString("type")), new int[] {rs.getInt("held"), rs.getInt("upcoming")});
                });
        List<FrontLineViews.TypeCount> types = new ArrayList<>();
        int held = 0;
        int upcoming = 0;
        for (Map.Entry<ActivityType, int[]> e : byType.entrySet()) {
            types.add(new FrontLineViews.TypeCount(e.getKey(), e.getValue()[0], e.getValue()[1]));
            held += e.getValue()[0];
            upcoming += e.getValue()[1];
        }
        int[] issues = jdbc.sql("""
                        SELECT count(*) AS raised, count(*) FILTER (WHERE r.closed) AS closed
                        FROM activity_request r JOIN activity a ON a.id = r.activity_id
                        WHERE a.leader_account_id = :leader AND """ + counted())
                .params(params)
                .query((rs, n) -> new int[] {rs.getInt("raised"), rs.getInt("closed")}).single();
        Integer target = jdbc.sql("SELECT target FROM front_line_target WHERE leader_account_id = ? AND target_year = ?")
                .params(leader, year).query(Integer.class).optional().orElse(null);
        return new FrontLineViews.LeaderSummary(leader, accountName(leader), year, target, held, upcoming, types, issues[0], issues[1]);
    }

    /** The activities that count on the front line: published, of a front-line type, led by a leader, starting in the year. */
    private static String counted() {
        return " a.state = 'PUBLISHED' AND a.leader_account_id IS NOT NULL AND a.type IN (" + FRONT_LINE_TYPES + ")"
                + " AND a.starts_at >= :from AND a.starts_at < :to";
    }

    private Map<String, Object> yearParams(int year) {
        ZoneId zone = properties.zone();
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamps.of(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant()));
        params.put("to", Timestamps.of(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant()));
        return params;
    }

    private static void checkYear(int year) {
        if (year < YEAR_MIN || year > YEAR_MAX) {
            throw new InvalidInput("year", "frontline.yearRange", String.valueOf(YEAR_MIN), String.valueOf(YEAR_MAX));
        }
    }

    private String accountName(Long accountId) {
        if (accountId == null) {
            return null;
        }
        try {
            return accounts.get(accountId).displayName();
        } catch (NotFoundException e) {
            return null;
        }
    }

    static String abbreviate(String text, int max) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }
}
