package org.shouwang.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the document pages and API show. */
public final class DocumentViews {

    private DocumentViews() {
    }

    /**
     * A line of the document list: the latest published version (0 when none yet: editors only see
     * such documents) and whether a draft is waiting (shown to editors only).
     */
    public record Row(long id, String title, DocumentKind kind, Long departmentId, String department, int latestVersion,
                      LocalDate publishedOn, boolean hasDraft) {
    }

    /** The request module's published responsibility list, shown in the list as a link to /responsibilities. */
    public record ResponsibilityLink(int version, Instant publishedAt, String link) {
    }

    /** The documents a viewer may read, and the published responsibility list when there is one. */
    public record Listing(List<Row> documents, ResponsibilityLink responsibilityList, boolean mayEdit) {
    }

    /** A version as listed in the history (no text). */
    public record VersionSummary(int number, boolean published, String changeNote, LocalDate publishedOn, String publishedBy,
                                 String fileName) {
    }

    /** One version with its text, as written and as safe HTML. */
    public record Version(long documentId, String title, int number, boolean published, DocumentFormat format, String text,
                          String html, String changeNote, String fileName, String fileType, long fileBytes,
                          Instant draftedAt, String draftedBy, LocalDate publishedOn, String publishedBy) {
    }

    /**
     * One document: the latest published version (null when none), the published history newest
     * first, and for those who may see it the draft. {@code mayEdit}: may draft; {@code mayPublish}: may publish the draft.
     */
    public record Document(long id, String title, DocumentKind kind, Long departmentId, String department, Version latest,
                           List<VersionSummary> history, VersionSummary draft, boolean mayEdit, boolean mayPublish) {
    }
}
