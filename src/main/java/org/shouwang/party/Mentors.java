package org.shouwang.party;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.activities.ActivityQueries;
import org.shouwang.identity.AuditLog;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.Studios;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Off-campus mentors (校外育人力量): a directory everyone signed in browses by expertise, each
 * mentor's yearly totals, and the log of their participation. Administrators and student affairs
 * keep mentors; they and studio staff log participation, which staff see in detail.
 */
@Service
@Transactional
public class Mentors {

    static final int NAME_MAX = 50;
    static final int AFFILIATION_MAX = 100;
    static final int TITLE_MAX = 100;
    static final int BIO_MAX = 1000;
    static final int WHAT_MAX = 200;
    static final BigDecimal HOURS_MIN = new BigDecimal("0.5");
    static final BigDecimal HOURS_MAX = new BigDecimal("24");

    private final JdbcClient jdbc;
    private final Studios studios;
    private final ActivityQueries activities;
    private final AuditLog audit;
    private final Clock clock;

    Mentors(JdbcClient jdbc, @Lazy Studios studios, @Lazy ActivityQueries activities, @Lazy AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.studios = studios;
        this.activities = activities;
        this.audit = audit;
        this.clock = clock;
    }

    /** Administrators, student affairs and studio staff log what mentors did. */
    public static boolean logs(Viewer viewer) {
        return Partners.administers(viewer) || viewer.has(Role.STUDIO_STAFF);
    }

    // — reading —

    /** Active mentors by name; narrowed by expertise and by text in name, affiliation or title (either may be null). */
    @Transactional(readOnly = true)
    public List<MentorViews.Summary> directory(MentorExpertise expertise, String text) {
        String q = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase() + "%";
        List<Object[]> rows = jdbc.sql("SELECT m.id, m.name, m.affiliation, m.title FROM mentor m WHERE m.active"
                        + (expertise == null ? "" : " AND m.id IN (SELECT mentor_id FROM mentor_expertise WHERE expertise = :expertise)")
                        + (q == null ? "" : " AND (LOWER(m.name) LIKE :q OR LOWER(m.affiliation) LIKE :q OR LOWER(m.title) LIKE :q)")
                        + " ORDER BY m.name, m.id")
                .params(expertise == null ? Map.of() : Map.of("expertise", expertise.name()))
                .params(q == null ? Map.of() : Map.of("q", q))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
        return summaries(rows);
    }

    /** The active mentors affiliated with a partner. */
    @Transactional(readOnly = true)
    public List<MentorViews.Summary> ofPartner(long partnerId) {
        return summaries(jdbc.sql("SELECT id, name, affiliation, title FROM mentor WHERE active AND partner_id = ? ORDER BY name, id")
                .param(partnerId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list());
    }

    private List<MentorViews.Summary> summaries(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
        Map<Long, Set<MentorExpertise>> expertise = expertise(ids);
        Map<Long, BigDecimal> hours = new HashMap<>();
        jdbc.sql("SELECT mentor_id, SUM(hours) FROM mentor_participation WHERE mentor_id IN (:ids) AND took_place_on >= :from"
                        + " GROUP BY mentor_id")
                .param("ids", ids).param("from", CampusTime.today(clock).withDayOfYear(1))
                .query(rs -> {
                    hours.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        return rows.stream().map(r -> new MentorViews.Summary((Long) r[0], (String) r[1], (String) r[2], (String) r[3],
                expertise.getOrDefault((Long) r[0], Set.of()), hours.getOrDefault((Long) r[0], BigDecimal.ZERO).setScale(1))).toList();
    }

    private Map<Long, Set<MentorExpertise>> expertise(List<Long> ids) {
        Map<Long, Set<MentorExpertise>> result = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("SELECT mentor_id, expertise FROM mentor_expertise WHERE mentor_id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query(rs -> {
                        result.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(MentorExpertise.class))
                                .add(MentorExpertise.valueOf(rs.getString(2)));
                    });
        }
        return result;
    }

    /** One mentor with yearly totals; the phone masked unless the viewer may see it; a retired one for those who administer only. */
    @Transactional(readOnly = true)
    public MentorViews.Mentor mentor(Viewer viewer, long id) {
        List<MentorViews.YearTotal> totals = jdbc.sql("""
                        SELECT EXTRACT(YEAR FROM took_place_on) AS y, COUNT(*) AS times, SUM(hours) AS hours
                        FROM mentor_participation WHERE mentor_id = ? GROUP BY EXTRACT(YEAR FROM took_place_on) ORDER BY y DESC""")
                .param(id).query((rs, n) -> new MentorViews.YearTotal(rs.getInt("y"), rs.getInt("times"),
                        rs.getBigDecimal("hours").setScale(1))).list();
        Set<MentorExpertise> expertise = expertise(List.of(id)).getOrDefault(id, Set.of());
        MentorViews.Mentor mentor = jdbc.sql("""
                        SELECT m.id, m.version, m.name, m.affiliation, m.partner_id, p.name AS partner_name, m.title, m.bio, m.phone, m.active
                        FROM mentor m LEFT JOIN partner p ON p.id = m.partner_id WHERE m.id = ?""")
                .param(id)
                .query((rs, n) -> new MentorViews.Mentor(id, rs.getInt("version"), rs.getString("name"), rs.getString("affiliation"),
                        (Long) rs.getObject("partner_id"), rs.getString("partner_name"), rs.getString("title"), rs.getString("bio"),
                        expertise, PartnerPhones.shown(rs.getString("phone"), viewer), PartnerPhones.seenWholeBy(viewer),
                        rs.getBoolean("active"), totals))
                .optional().orElseThrow(() -> new NotFoundException("mentor", id));
        if (!mentor.active() && !Partners.administers(viewer)) {
            throw new NotFoundException("mentor", id);
        }
        return mentor;
    }

    /**
     * What all mentors did from {@code from} to {@code to} (both inclusive): participation entries,
     * how many mentors took part and their hours. Aggregate figures, for reports.
     */
    @Transactional(readOnly = true)
    public MentorViews.PeriodTotal participationBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*), COUNT(DISTINCT mentor_id), COALESCE(SUM(hours), 0) FROM mentor_participation"
                        + " WHERE took_place_on >= :from AND took_place_on <= :to")
                .param("from", from).param("to", to)
                .query((rs, n) -> new MentorViews.PeriodTotal(rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3).setScale(1)))
                .single();
    }

    /** The participation log of a mentor, newest first: for staff only (404 for students). */
    @Transactional(readOnly = true)
    public List<MentorViews.Participation> participation(Viewer viewer, long mentorId, Integer year) {
        if (!viewer.isStaff()) {
            throw new NotFoundException("mentor-participation", mentorId);
        }
        mentor(viewer, mentorId);
        Map<Long, String> studioNames = studios.names();
        return jdbc.sql("SELECT id, took_place_on, kind, what, activity_id, studio_id, hours FROM mentor_participation"
                        + " WHERE mentor_id = :m" + (year == null ? "" : " AND took_place_on >= :from AND took_place_on < :to")
                        + " ORDER BY took_place_on DESC, id DESC")
                .param("m", mentorId)
                .params(year == null ? Map.of() : Map.of("from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year + 1, 1, 1)))
                .query((rs, n) -> {
                    Long studio = (Long) rs.getObject("studio_id");
                    return new MentorViews.Participation(rs.getLong("id"), rs.getObject("took_place_on", LocalDate.class),
                            MentorParticipationKind.valueOf(rs.getString("kind")), rs.getString("what"),
                            (Long) rs.getObject("activity_id"), studio, studio == null ? null : studioNames.get(studio),
                            rs.getBigDecimal("hours").setScale(1));
                }).list();
    }

    // — keeping mentors (administrators and student affairs) —

    public long create(Viewer viewer, MentorDraft draft) {
        Partners.requireAdministers(viewer);
        Checked c = checked(draft);
        jdbc.sql("INSERT INTO mentor (name, affiliation, partner_id, title, bio, phone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(c.name, c.affiliation, draft.partnerId(), c.title, c.bio, c.phone, Timestamps.of(clock.instant()))
                .update();
        long id = jdbc.sql("SELECT MAX(id) FROM mentor WHERE name = ?").param(c.name).query(Long.class).single();
        writeExpertise(id, draft.expertise());
        audit.record(viewer, "mentor.create", "mentor", id, c.name);
        return id;
    }

    public void update(Viewer viewer, long id, MentorDraft draft, Integer expectedVersion) {
        Partners.requireAdministers(viewer);
        int version = jdbc.sql("SELECT version FROM mentor WHERE id = ?").param(id).query(Integer.class).optional()
                .orElseThrow(() -> new NotFoundException("mentor", id));
        Checked c = checked(draft);
        if (expectedVersion != null && expectedVersion != version) {
            throw new RuleViolation("mentor.changed");
        }
        if (jdbc.sql("""
                        UPDATE mentor SET name = ?, affiliation = ?, partner_id = ?, title = ?, bio = ?, phone = ?, version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(c.name, c.affiliation, draft.partnerId(), c.title, c.bio, c.phone, id, version).update() == 0) {
            throw new RuleViolation("mentor.changed");
        }
        jdbc.sql("DELETE FROM mentor_expertise WHERE mentor_id = ?").param(id).update();
        writeExpertise(id, draft.expertise());
        audit.record(viewer, "mentor.update", "mentor", id, c.name);
    }

    private record Checked(String name, String affiliation, String title, String bio, String phone) {
    }

    private Checked checked(MentorDraft draft) {
        Fields f = new Fields();
        String name = f.text(draft.name(), "name", NAME_MAX, true);
        String affiliation = f.text(draft.affiliation(), "affiliation", AFFILIATION_MAX, true);
        String title = f.text(draft.title(), "title", TITLE_MAX, false);
        String bio = f.text(draft.bio(), "bio", BIO_MAX, false);
        String phone = PartnerPhones.check(draft.phone(), "phone", false, f);
        if (draft.partnerId() != null && jdbc.sql("SELECT count(*) FROM partner WHERE id = ? AND active").param(draft.partnerId())
                .query(Long.class).single() == 0) {
            f.add("partnerId", "partner.unknownPartner");
        }
        if (draft.expertise().isEmpty()) {
            f.add("expertise", "mentor.expertiseRequired");
        }
        f.check();
        return new Checked(name, affiliation, title == null ? "" : title, bio == null ? "" : bio, phone);
    }

    private void writeExpertise(long id, Set<MentorExpertise> expertise) {
        for (MentorExpertise e : expertise) {
            jdbc.sql("INSERT INTO mentor_expertise (mentor_id, expertise) VALUES (?, ?)").params(id, e.name()).update();
        }
    }

    // — participation (administrators, student affairs, studio staff) —

    public long log(Viewer viewer, long mentorId, MentorParticipationDraft draft) {
        if (!logs(viewer)) {
            throw new NotFoundException("page", "mentors/participation");
        }
        if (jdbc.sql("SELECT count(*) FROM mentor WHERE id = ? AND active").param(mentorId).query(Long.class).single() == 0) {
            throw new NotFoundException("mentor", mentorId);
        }
        Fields f = new Fields();
        if (f.required(draft.on(), "on") && draft.on().isAfter(CampusTime.today(clock))) {
            f.add("on", "mentor.inFuture");
        }
        f.required(draft.kind(), "kind");
        String what = f.text(draft.what(), "what", WHAT_MAX, true);
        if (f.required(draft.hours(), "hours") && (draft.hours().compareTo(HOURS_MIN) < 0 || draft.hours().compareTo(HOURS_MAX) > 0
                || draft.hours().stripTrailingZeros().scale() > 1)) {
            f.add("hours", "mentor.badHours");
        }
        if (draft.activityId() != null && !activityExists(viewer, draft.activityId())) {
            f.add("activityId", "mentor.unknownActivity");
        }
        if (draft.studioId() != null && !studios.names().containsKey(draft.studioId())) {
            f.add("studioId", "mentor.unknownStudio");
        }
        f.check();
        jdbc.sql("""
                        INSERT INTO mentor_participation (mentor_id, took_place_on, kind, what, activity_id, studio_id, hours, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(mentorId, draft.on(), draft.kind().name(), what, draft.activityId(), draft.studioId(),
                        draft.hours().setScale(1), viewer.accountId(), Timestamps.of(clock.instant()))
                .update();
        long id = jdbc.sql("SELECT MAX(id) FROM mentor_participation WHERE mentor_id = ?").param(mentorId).query(Long.class).single();
        audit.record(viewer, "mentor.participation", "mentor", mentorId, what);
        return id;
    }

    /** Removes a wrong entry of the log. */
    public void remove(Viewer viewer, long mentorId, long participationId) {
        if (!logs(viewer)) {
            throw new NotFoundException("page", "mentors/participation");
        }
        if (jdbc.sql("DELETE FROM mentor_participation WHERE id = ? AND mentor_id = ?").params(participationId, mentorId).update() == 0) {
            throw new NotFoundException("mentor-participation", participationId);
        }
        audit.record(viewer, "mentor.participation.remove", "mentor", mentorId, String.valueOf(participationId));
    }

    private boolean activityExists(Viewer viewer, long id) {
        try {
            activities.detail(viewer, id);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Every expertise with how many active mentors have it: the directory's filter chips. */
    @Transactional(readOnly = true)
    public Map<MentorExpertise, Integer> expertiseCounts() {
        Map<MentorExpertise, Integer> counts = new LinkedHashMap<>();
        for (MentorExpertise e : MentorExpertise.values()) {
            counts.put(e, 0);
        }
        jdbc.sql("SELECT e.expertise, COUNT(*) FROM mentor_expertise e JOIN mentor m ON m.id = e.mentor_id WHERE m.active GROUP BY e.expertise")
                .query(rs -> {
                    counts.put(MentorExpertise.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

}
