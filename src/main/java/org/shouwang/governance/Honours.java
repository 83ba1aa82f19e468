package org.shouwang.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.shouwang.community.Organisations;
import org.shouwang.identity.AuditLog;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.ProjectViews;
import org.shouwang.studios.Projects;
import org.shouwang.studios.Studios;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Honours (荣誉) won by the university, its departments, studios, projects, student organisations
 * and students: recorded by administrators and student affairs (404 for anyone else), seen by
 * everyone signed in, students too, with their evidence (an image or PDF, or a link).
 */
@Service
@Transactional
public class Honours {

    static final int TITLE_MAX = 200;
    static final int LINK_MAX = 500;
    static final long EVIDENCE_MAX_BYTES = 5L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final People people;
    private final Studios studios;
    private final Projects projects;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;

    Honours(JdbcClient jdbc, People people, Studios studios, Projects projects, Organisations organisations,
            @Lazy AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.studios = studios;
        this.projects = projects;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Administrators and student affairs record honours. */
    public boolean mayRecord(Viewer viewer) {
        return viewer.isAdmin() || viewer.has(Role.STUDENT_AFFAIRS);
    }

    // — reading —

    /** The honours the filter asks for, newest first, and the counts by level and year over all honours. */
    @Transactional(readOnly = true)
    public HonourViews.Listing list(Viewer viewer, HonourViews.Filter filter) {
        HonourViews.Filter f = filter == null ? HonourViews.Filter.everything() : filter;
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.level() != null) {
            where.append(" AND level = :level");
            params.put("level", f.level().name());
        }
        if (f.holderKind() != null) {
            where.append(" AND holder_kind = :kind");
            params.put("kind", f.holderKind().name());
        }
        if (f.year() != null) {
            where.append(" AND awarded_on >= :from AND awarded_on < :to");
            params.put("from", LocalDate.of(f.year(), 1, 1));
            params.put("to", LocalDate.of(f.year() + 1, 1, 1));
        }
        List<Stored> rows = jdbc.sql(SELECT + where + " ORDER BY awarded_on DESC, id DESC").params(params).query(Honours::stored)
                .list();
        Names names = names(viewer, rows);
        return new HonourViews.Listing(rows.stream().map(h -> view(viewer, h, names)).toList(), counts());
    }

    /** How many honours at each level and in each year, newest year first. */
    @Transactional(readOnly = true)
    public HonourViews.Counts counts() {
        Map<HonourLevel, Long> byLevel = new EnumMap<>(HonourLevel.class);
        for (HonourLevel l : HonourLevel.values()) {
            byLevel.put(l, 0L);
        }
        Map<Integer, Long> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        long[] total = {0};
        jdbc.sql("SELECT level, awarded_on FROM honour").query(rs -> {
            byLevel.merge(HonourLevel.valueOf(rs.getString(1)), 1L, Long::sum);
            byYear.merge(rs.getObject(2, LocalDate.class).getYear(), 1L, Long::sum);
            total[0]++;
        });
        return new HonourViews.Counts(byLevel, byYear, total[0]);
    }

    /** One honour; 404 when there is none. */
    @Transactional(readOnly = true)
    public HonourViews.Honour honour(Viewer viewer, long id) {
        Stored h = stored(id);
        return view(viewer, h, names(viewer, List.of(h)));
    }

    /** An honour's evidence file; 404 when it has none. */
    @Transactional(readOnly = true)
    public DocumentFile evidence(Viewer viewer, long id) {
        stored(id);
        return jdbc.sql("SELECT evidence_name, evidence_type, evidence_data FROM honour WHERE id = ? AND evidence_data IS NOT NULL")
                .param(id).query((rs, n) -> new DocumentFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional().orElseThrow(() -> new NotFoundException("evidence", id));
    }

    /** What a holder may be, by kind, for the form's choices: departments, studios, projects and organisations by id. */
    @Transactional(readOnly = true)
    public Map<HonourHolderKind, Map<Long, String>> holderChoices(Viewer viewer) {
        Map<HonourHolderKind, Map<Long, String>> choices = new EnumMap<>(HonourHolderKind.class);
        choices.put(HonourHolderKind.DEPARTMENT, departments());
        choices.put(HonourHolderKind.STUDIO, studios.names());
        Map<Long, String> p = new java.util.LinkedHashMap<>();
        projects.list(viewer, ProjectViews.Filter.everything()).forEach(r -> p.put(r.id(), r.name()));
        choices.put(HonourHolderKind.PROJECT, p);
        Map<Long, String> o = new java.util.LinkedHashMap<>();
        organisations.list().forEach(s -> o.put(s.id(), s.name()));
        choices.put(HonourHolderKind.ORGANISATION, o);
        return choices;
    }

    /** The student number of a student holder, for editors filling the form again. */
    @Transactional(readOnly = true)
    public String studentNumberOf(long studentId) {
        return people.student(studentId).map(StudentSummary::studentNumber).orElse(null);
    }

    // — changing —

    /** Records an honour; evidence may be null. Every problem is a field error and nothing is written then. */
    public long record(Viewer viewer, HonourDraft draft, DocumentFile evidence) {
        requireRecorder(viewer);
        Checked c = checked(viewer, draft, evidence);
        jdbc.sql("""
                        INSERT INTO honour (title, awarding_body, level, awarded_on, holder_kind, holder_id, holder_text, evidence_link,
                                            evidence_name, evidence_type, evidence_data, recorded_at, recorded_by)
                        VALUES (:title, :body, :level, :on, :kind, :holder, :text, :link, :name, :type, :data, :now, :by)""")
                .params(c.params(evidence)).param("now", Timestamps.of(clock.instant())).param("by", viewer.accountId()).update();
        long id = jdbc.sql("SELECT max(id) FROM honour WHERE recorded_by = ?").param(viewer.accountId()).query(Long.class).single();
        audit.record(viewer, "honour.record", "honour", id, c.draft().title());
        return id;
    }

    /** Changes an honour; the evidence file stays when none is sent. */
    public void revise(Viewer viewer, long id, HonourDraft draft, DocumentFile evidence) {
        requireRecorder(viewer);
        stored(id);
        Checked c = checked(viewer, draft, evidence);
        jdbc.sql("""
                        UPDATE honour SET title = :title, awarding_body = :body, level = :level, awarded_on = :on, holder_kind = :kind,
                               holder_id = :holder, holder_text = :text, evidence_link = :link WHERE id = :id""")
                .params(c.params(evidence)).param("id", id).update();
        if (evidence != null) {
            jdbc.sql("UPDATE honour SET evidence_name = ?, evidence_type = ?, evidence_data = ? WHERE id = ?")
                    .params(evidence.name(), evidence.contentType(), evidence.data(), id).update();
        }
        audit.record(viewer, "honour.revise", "honour", id, c.draft().title());
    }

    public void remove(Viewer viewer, long id) {
        requireRecorder(viewer);
        Stored h = stored(id);
        jdbc.sql("DELETE FROM honour WHERE id = ?").param(id).update();
        audit.record(viewer, "honour.remove", "honour", id, h.title());
    }

    // — rules —

    private static final String SELECT = """
            SELECT id, title, awarding_body, level, awarded_on, holder_kind, holder_id, holder_text, evidence_link, evidence_name,
                   evidence_type
            FROM honour""";

    private record Stored(long id, String title, String awardingBody, HonourLevel level, LocalDate awardedOn,
                          HonourHolderKind holderKind, Long holderId, String holderText, String evidenceLink, String evidenceName,
                          String evidenceType) {
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getString("title"), rs.getString("awarding_body"),
                HonourLevel.valueOf(rs.getString("level")), rs.getObject("awarded_on", LocalDate.class),
                HonourHolderKind.valueOf(rs.getString("holder_kind")), rs.getObject("holder_id", Long.class),
                rs.getString("holder_text"), rs.getString("evidence_link"), rs.getString("evidence_name"),
                rs.getString("evidence_type"));
    }

    private Stored stored(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Honours::stored).optional()
                .orElseThrow(() -> new NotFoundException("honour", id));
    }

    /** Names of the holders of these honours, looked up once per kind. */
    private record Names(Map<HonourHolderKind, Map<Long, String>> byKind) {
        String of(Stored h) {
            if (h.holderKind() == HonourHolderKind.UNIVERSITY) {
                return h.holderText();
            }
            String name = byKind.getOrDefault(h.holderKind(), Map.of()).get(h.holderId());
            return name == null ? h.holderText() : name;
        }
    }

    private Names names(Viewer viewer, List<Stored> rows) {
        Map<HonourHolderKind, Map<Long, String>> byKind = new EnumMap<>(HonourHolderKind.class);
        List<Long> students = new ArrayList<>();
        for (Stored h : rows) {
            if (h.holderId() == null) {
                continue;
            }
            switch (h.holderKind()) {
                case STUDENT -> students.add(h.holderId());
                case DEPARTMENT -> byKind.computeIfAbsent(h.holderKind(), k -> departments());
                case STUDIO -> byKind.computeIfAbsent(h.holderKind(), k -> new HashMap<>(studios.names()))
                        .computeIfAbsent(h.holderId(), this::studioName);
                case PROJECT, ORGANISATION -> byKind.computeIfAbsent(h.holderKind(), k -> holderChoices(viewer).get(k));
                default -> { }
            }
        }
        if (!students.isEmpty()) {
            Map<Long, String> s = new HashMap<>();
            people.summaries(students).forEach((id, summary) -> s.put(id, summary.name()));
            byKind.put(HonourHolderKind.STUDENT, s);
        }
        return new Names(byKind);
    }

    private String studioName(long id) {
        try {
            return studios.studio(id).name();
        } catch (NotFoundException gone) {
            return null;
        }
    }

    private HonourViews.Honour view(Viewer viewer, Stored h, Names names) {
        String link = h.holderId() == null ? null : switch (h.holderKind()) {
            case STUDIO -> "/studios/" + h.holderId();
            case PROJECT -> "/projects/" + h.holderId();
            case ORGANISATION -> "/organisations/" + h.holderId();
            default -> null;
        };
        return new HonourViews.Honour(h.id(), h.title(), h.awardingBody(), h.level(), h.awardedOn(), h.holderKind(), h.holderId(),
                names.of(h), link, h.evidenceLink(), h.evidenceName(), h.evidenceType(), mayRecord(viewer));
    }

    private Map<Long, String> departments() {
        Map<Long, String> d = new java.util.LinkedHashMap<>();
        people.departments().forEach(x -> d.put(x.id(), x.name()));
        return d;
    }

    private void requireRecorder(Viewer viewer) {
        if (!mayRecord(viewer)) {
            throw new NotFoundException("page", "honours/edit");
        }
    }

    private record Checked(HonourDraft draft, Long holderId) {
        Map<String, Object> params(DocumentFile evidence) {
            Map<String, Object> p = new HashMap<>();
            p.put("title", draft.title());
            p.put("body", draft.awardingBody());
            p.put("level", draft.level().name());
            p.put("on", draft.awardedOn());
            p.put("kind", draft.holderKind().name());
            p.put("holder", holderId);
            p.put("text", draft.holderText());
            p.put("link", draft.evidenceLink());
            p.put("name", evidence == null ? null : evidence.name());
            p.put("type", evidence == null ? null : evidence.contentType());
            p.put("data", evidence == null ? null : evidence.data());
            return p;
        }
    }

    private Checked checked(Viewer viewer, HonourDraft draft, DocumentFile evidence) {
        HonourDraft d = draft == null ? new HonourDraft(null, null, null, null, null, null, null, null, null) : draft;
        Fields f = new Fields();
        String title = f.text(d.title(), "title", TITLE_MAX, true);
        String body = f.text(d.awardingBody(), "awardingBody", TITLE_MAX, true);
        f.required(d.level(), "level");
        if (f.required(d.awardedOn(), "awardedOn") && d.awardedOn().isAfter(CampusTime.today(clock))) {
            f.add("awardedOn", "honour.awardedInFuture");
        }
        String text = f.text(d.holderText(), "holderText", TITLE_MAX, false);
        Long holder = null;
        if (f.required(d.holderKind(), "holderKind")) {
            switch (d.holderKind()) {
                case UNIVERSITY -> { }
                case STUDENT -> {
                    String number = f.text(d.studentNumber(), "studentNumber", 32, true);
                    if (number != null) {
                        holder = people.studentByNumber(number).map(StudentSummary::id).orElse(null);
                        if (holder == null) {
                            f.add("studentNumber", "honour.unknownStudent", number);
                        }
                    }
                }
                default -> {
                    if (f.required(d.holderId(), "holderId")) {
                        if (holderExists(viewer, d.holderKind(), d.holderId())) {
                            holder = d.holderId();
                        } else {
                            f.add("holderId", "honour.unknownHolder");
                        }
                    }
                }
            }
        }
        String link = f.text(d.evidenceLink(), "evidenceLink", LINK_MAX, false);
        if (link != null && !(link.startsWith("https://") || link.startsWith("http://"))) {
            f.add("evidenceLink", "honour.badLink");
        }
        DocumentFile.check(evidence, DocumentFile.EVIDENCE_TYPES, EVIDENCE_MAX_BYTES, "evidence", f);
        f.check();
        return new Checked(new HonourDraft(title, body, d.level(), d.awardedOn(), d.holderKind(), holder, null, text, link), holder);
    }

    private boolean holderExists(Viewer viewer, HonourHolderKind kind, long id) {
        try {
            switch (kind) {
                case DEPARTMENT -> {
                    return departments().containsKey(id);
                }
                case STUDIO -> studios.studio(id);
                case PROJECT -> projects.project(viewer, id);
                case ORGANISATION -> organisations.organisation(id);
                default -> {
                    return false;
                }
            }
            return true;
        } catch (NotFoundException unknown) {
            return false;
        }
    }
}
