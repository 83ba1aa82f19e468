package org.shouwang.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.people.People;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Responsibilities;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents published in versions: implementation plans, the department responsibility list for
 * the community, rules, work reports. Editors (administrators and student affairs) create documents
 * and draft versions; editors and leaders publish a draft. A published version is never changed:
 * a new version is drafted instead. Everyone signed in reads the published versions; drafts, and
 * documents with nothing published yet, are answered 404 to anyone but editors and leaders.
 */
@Service
@Transactional
public class Documents {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 20000;
    static final int NOTE_MAX = 500;
    static final long FILE_MAX_BYTES = 10L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final People people;
    private final Responsibilities responsibilities;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    Documents(JdbcClient jdbc, People people, Responsibilities responsibilities, @Lazy Accounts accounts, @Lazy AuditLog audit,
              Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.responsibilities = responsibilities;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Administrators and student affairs create documents and draft versions. */
    public boolean mayEdit(Viewer viewer) {
        return viewer.isAdmin() || viewer.has(Role.STUDENT_AFFAIRS);
    }

    /** Editors and leaders publish a draft (a leader signs off what student affairs drafted) and see drafts. */
    public boolean mayPublish(Viewer viewer) {
        return mayEdit(viewer) || viewer.has(Role.LEADER);
    }

    // — reading —

    /** The documents the viewer may read (kind may be null: all), newest publication first; and the published responsibility list. */
    @Transactional(readOnly = true)
    public DocumentViews.Listing list(Viewer viewer, DocumentKind kind) {
        boolean drafts = mayPublish(viewer);
        StringBuilder sql = new StringBuilder("""
                SELECT d.id, d.title, d.kind, d.department_id,
                       (SELECT max(v.number) FROM document_version v WHERE v.document_id = d.id AND v.status = 'PUBLISHED') AS latest,
                       (SELECT max(v.published_on) FROM document_version v WHERE v.document_id = d.id AND v.status = 'PUBLISHED') AS published_on,
                       (SELECT count(*) FROM document_version v WHERE v.document_id = d.id AND v.status = 'DRAFT') AS drafts
                FROM document d WHERE 1 = 1""");
        Map<String, Object> params = new HashMap<>();
        if (kind != null) {
            sql.append(" AND d.kind = :kind");
            params.put("kind", kind.name());
        }
        if (!drafts) {
            sql.append(" AND EXISTS (SELECT 1 FROM document_version v WHERE v.document_id = d.id AND v.status = 'PUBLISHED')");
        }
        sql.append(" ORDER BY d.kind, d.title, d.id");
        Map<Long, String> departments = departments();
        List<DocumentViews.Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> {
                    Long department = rs.getObject("department_id", Long.class);
                    Integer latest = rs.getObject("latest", Integer.class);
                    return new DocumentViews.Row(rs.getLong("id"), rs.getString("title"), DocumentKind.valueOf(rs.getString("kind")),
                            department, department == null ? null : departments.get(department), latest == null ? 0 : latest,
                            rs.getObject("published_on", LocalDate.class), drafts && rs.getLong("drafts") > 0);
                })
                .list();
        DocumentViews.ResponsibilityLink link = responsibilities.published()
                .map(v -> new DocumentViews.ResponsibilityLink(v.version(), v.publishedAt(), "/responsibilities"))
                .orElse(null);
        return new DocumentViews.Listing(rows, link, mayEdit(viewer));
    }

    /** One document with its latest published version and history; 404 when the viewer may not see it. */
    @Transactional(readOnly = true)
    public DocumentViews.Document document(Viewer viewer, long id) {
        Head d = head(id);
        List<Stored> versions = versions(id);
        List<Stored> published = versions.stream().filter(Stored::published).toList();
        Stored draft = versions.stream().filter(v -> !v.published()).findFirst().orElse(null);
        boolean drafts = mayPublish(viewer);
        if (published.isEmpty() && !drafts) {
            throw new NotFoundException("document", id);
        }
        Map<Long, String> names = names(versions);
        DocumentViews.Version latest = published.isEmpty() ? null : view(d, published.get(0), names);
        return new DocumentViews.Document(id, d.title(), d.kind(), d.departmentId(), department(d.departmentId()), latest,
                published.stream().map(v -> summary(v, names)).toList(), drafts && draft != null ? summary(draft, names) : null,
                mayEdit(viewer), drafts);
    }

    /** One version: a published one for everyone signed in; the draft only for editors and leaders (404 otherwise). */
    @Transactional(readOnly = true)
    public DocumentViews.Version version(Viewer viewer, long id, int number) {
        Head d = head(id);
        Stored v = readable(viewer, id, number);
        return view(d, v, names(List.of(v)));
    }

    /** The file attached to a version the viewer may read; 404 when there is none. */
    @Transactional(readOnly = true)
    public DocumentFile file(Viewer viewer, long id, int number) {
        readable(viewer, id, number);
        return jdbc.sql("SELECT file_name, file_type, file_data FROM document_version WHERE document_id = ? AND number = ?"
                        + " AND file_data IS NOT NULL")
                .params(id, number)
                .query((rs, n) -> new DocumentFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional().orElseThrow(() -> new NotFoundException("file", id + "/" + number));
    }

    /** Departments by id, for choosing a document's owner. */
    @Transactional(readOnly = true)
    public Map<Long, String> departments() {
        return people.departments().stream().collect(Collectors.toMap(d -> d.id(), d -> d.name(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    // — changing —

    /** A new document and its first version, as a draft. Editors only (404 for anyone else); every problem a field error. */
    public long create(Viewer viewer, DocumentDraft draft, DocumentVersionDraft first) {
        requireEditor(viewer);
        Fields f = new Fields();
        DocumentDraft d = checked(draft, f);
        DocumentVersionDraft v = checked(first, null, f);
        f.check();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO document (title, kind, department_id, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(d.title(), d.kind().name(), d.departmentId(), Timestamps.of(now), viewer.accountId()).update();
        long id = jdbc.sql("SELECT max(id) FROM document WHERE created_by = ? AND title = ?").params(viewer.accountId(), d.title())
                .query(Long.class).single();
        insertDraft(viewer, id, 1, v, now);
        audit.record(viewer, "document.create", "document", id, d.title());
        return id;
    }

    /** Changes a document's title, kind or owner department (not versioned: its text lives in versions). */
    public void revise(Viewer viewer, long id, DocumentDraft draft) {
        requireEditor(viewer);
        head(id);
        Fields f = new Fields();
        DocumentDraft d = checked(draft, f);
        f.check();
        jdbc.sql("UPDATE document SET title = ?, kind = ?, department_id = ? WHERE id = ?")
                .params(d.title(), d.kind().name(), d.departmentId(), id).update();
        audit.record(viewer, "document.revise", "document", id, d.title());
    }

    /**
     * Drafts the next version, or changes the draft there is: a published version is never
     * touched. A draft keeps its file when none is sent. Returns the draft's number.
     */
    public int draft(Viewer viewer, long id, DocumentVersionDraft draft) {
        requireEditor(viewer);
        head(id);
        Stored existing = versions(id).stream().filter(v -> !v.published()).findFirst().orElse(null);
        Fields f = new Fields();
        DocumentVersionDraft v = checked(draft, existing, f);
        f.check();
        Instant now = clock.instant();
        if (existing == null) {
            int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM document_version WHERE document_id = ?").param(id)
                    .query(Integer.class).single();
            insertDraft(viewer, id, number, v, now);
            audit.record(viewer, "document.draft", "document", id, "v" + number);
            return number;
        }
        jdbc.sql("""
                        UPDATE document_version SET format = ?, body = ?, change_note = ?, drafted_at = ?, drafted_by = ?
                        WHERE id = ? AND status = 'DRAFT'""")
                .params(v.format().name(), v.text(), v.changeNote(), Timestamps.of(now), viewer.accountId(), existing.id()).update();
        if (v.file() != null) {
            jdbc.sql("UPDATE document_version SET file_name = ?, file_type = ?, file_data = ? WHERE id = ? AND status = 'DRAFT'")
                    .params(v.file().name(), v.file().contentType(), v.file().data(), existing.id()).update();
        }
        audit.record(viewer, "document.draft", "document", id, "v" + existing.number());
        return existing.number();
    }

    /** Publishes the draft today, by the viewer (editors and leaders); refused when there is no draft. Returns its number. */
    public int publish(Viewer viewer, long id) {
        return publishOn(viewer, id, CampusTime.today(clock));
    }

    /**
     * Records that the draft was published on an earlier day (a paper document entered afterwards):
     * not in the future and not before the version it follows. Returns its number.
     */
    public int publishOn(Viewer viewer, long id, LocalDate day) {
        if (!mayPublish(viewer)) {
            throw new NotFoundException("document", id);
        }
        head(id);
        Stored draft = versions(id).stream().filter(v -> !v.published()).findFirst()
                .orElseThrow(() -> new RuleViolation("document.noDraft"));
        Fields f = new Fields();
        if (f.required(day, "publishedOn")) {
            LocalDate previous = versions(id).stream().filter(Stored::published).map(Stored::publishedOn).findFirst().orElse(null);
            if (day.isAfter(CampusTime.today(clock))) {
                f.add("publishedOn", "document.publishedInFuture");
            } else if (previous != null && day.isBefore(previous)) {
                f.add("publishedOn", "document.publishedBeforePrevious", previous);
            }
        }
        f.check();
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE document_version SET status = 'PUBLISHED', published_on = ?, published_at = ?, published_by = ?
                        WHERE id = ? AND status = 'DRAFT'""")
                .params(day, Timestamps.of(now), viewer.accountId(), draft.id()).update();
        audit.record(viewer, "document.publish", "document", id, "v" + draft.number());
        return draft.number();
    }

    /** Throws the draft away (editors); refused when there is none. */
    public void discardDraft(Viewer viewer, long id) {
        requireEditor(viewer);
        head(id);
        if (jdbc.sql("DELETE FROM document_version WHERE document_id = ? AND status = 'DRAFT'").param(id).update() == 0) {
            throw new RuleViolation("document.noDraft");
        }
        audit.record(viewer, "document.discardDraft", "document", id, null);
    }

    /** The id of a document of this exact title (demo data looks documents up this way). */
    @Transactional(readOnly = true)
    public Optional<Long> idByTitle(String title) {
        return jdbc.sql("SELECT id FROM document WHERE title = ? ORDER BY id FETCH FIRST 1 ROWS ONLY").param(title).query(Long.class).optional();
    }

    // — rules —

    private record Head(long id, String title, DocumentKind kind, Long departmentId) {
    }

    private record Stored(long id, int number, boolean published, DocumentFormat format, String text, String changeNote,
                          String fileName, String fileType, long fileBytes, Instant draftedAt, long draftedBy,
                          LocalDate publishedOn, Long publishedBy) {
    }

    private Head head(long id) {
        return jdbc.sql("SELECT id, title, kind, department_id FROM document WHERE id = ?").param(id)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), DocumentKind.valueOf(rs.getString(3)),
                        rs.getObject(4, Long.class)))
                .optional().orElseThrow(() -> new NotFoundException("document", id));
    }

    /** Every version, newest first (the draft, when there is one, is the newest). */
    private List<Stored> versions(long id) {
        return jdbc.sql("""
                        SELECT id, number, status, format, body, change_note, file_name, file_type,
                               CASE WHEN file_data IS NULL THEN 0 ELSE octet_length(file_data) END AS bytes,
                               drafted_at, drafted_by, published_on, published_by
                        FROM document_version WHERE document_id = ? ORDER BY number DESC""")
                .param(id).query(Documents::stored).list();
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getInt("number"), "PUBLISHED".equals(rs.getString("status")),
                DocumentFormat.valueOf(rs.getString("format")), rs.getString("body"), rs.getString("change_note"),
                rs.getString("file_name"), rs.getString("file_type"), rs.getLong("bytes"),
                rs.getObject("drafted_at", java.time.OffsetDateTime.class).toInstant(), rs.getLong("drafted_by"),
                rs.getObject("published_on", LocalDate.class), rs.getObject("published_by", Long.class));
    }

    private Stored readable(Viewer viewer, long id, int number) {
        Stored v = versions(id).stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("version", id + "/" + number));
        if (!v.published() && !mayPublish(viewer)) {
            throw new NotFoundException("version", id + "/" + number);
        }
        return v;
    }

    private Map<Long, String> names(List<Stored> versions) {
        List<Long> ids = new ArrayList<>();
        for (Stored v : versions) {
            ids.add(v.draftedBy());
            if (v.publishedBy() != null) {
                ids.add(v.publishedBy());
            }
        }
        return ids.isEmpty() ? Map.of() : accounts.names(ids.stream().distinct().toList());
    }

    private DocumentViews.Version view(Head d, Stored v, Map<Long, String> names) {
        return new DocumentViews.Version(d.id(), d.title(), v.number(), v.published(), v.format(), v.text(),
                DocumentText.html(v.text(), v.format()), v.changeNote(), v.fileName(), v.fileType(), v.fileBytes(), v.draftedAt(),
                names.get(v.draftedBy()), v.publishedOn(), v.publishedBy() == null ? null : names.get(v.publishedBy()));
    }

    private static DocumentViews.VersionSummary summary(Stored v, Map<Long, String> names) {
        return new DocumentViews.VersionSummary(v.number(), v.published(), v.changeNote(), v.publishedOn(),
                v.publishedBy() == null ? null : names.get(v.publishedBy()), v.fileName());
    }

    private String department(Long id) {
        return id == null ? null : departments().get(id);
    }

    private void requireEditor(Viewer viewer) {
        if (!mayEdit(viewer)) {
            throw new NotFoundException("page", "documents/edit");
        }
    }

    private void insertDraft(Viewer viewer, long id, int number, DocumentVersionDraft v, Instant now) {
        DocumentFile file = v.file();
        jdbc.sql("""
                        INSERT INTO document_version (document_id, number, status, format, body, change_note, file_name, file_type,
                                                      file_data, drafted_at, drafted_by)
                        VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, number, v.format().name(), v.text(), v.changeNote(), file == null ? null : file.name(),
                        file == null ? null : file.contentType(), file == null ? null : file.data(), Timestamps.of(now),
                        viewer.accountId())
                .update();
    }

    private DocumentDraft checked(DocumentDraft d, Fields f) {
        DocumentDraft draft = d == null ? new DocumentDraft(null, null, null) : d;
        String title = f.text(draft.title(), "title", TITLE_MAX, true);
        f.required(draft.kind(), "kind");
        if (draft.departmentId() != null && !departments().containsKey(draft.departmentId())) {
            f.add("departmentId", "document.unknownDepartment");
        }
        return new DocumentDraft(title, draft.kind(), draft.departmentId());
    }

    private DocumentVersionDraft checked(DocumentVersionDraft d, Stored existing, Fields f) {
        DocumentVersionDraft draft = d == null ? new DocumentVersionDraft(null, null, null, null) : d;
        String text = f.text(draft.text(), "text", TEXT_MAX, true);
        String note = f.text(draft.changeNote(), "changeNote", NOTE_MAX, false);
        DocumentFile.check(draft.file(), DocumentFile.ATTACHMENT_TYPES, FILE_MAX_BYTES, "file", f);
        DocumentFormat format = draft.format() == null ? DocumentFormat.MARKDOWN : draft.format();
        return new DocumentVersionDraft(text, format, note, draft.file());
    }
}
