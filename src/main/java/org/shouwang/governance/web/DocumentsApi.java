package org.shouwang.governance.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.governance.DocumentDraft;
import org.shouwang.governance.DocumentFile;
import org.shouwang.governance.DocumentFormat;
import org.shouwang.governance.DocumentKind;
import org.shouwang.governance.DocumentVersionDraft;
import org.shouwang.governance.DocumentViews;
import org.shouwang.governance.Documents;
import org.shouwang.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Documents published in versions, over HTTP, through the same service as the pages. Everyone
 * signed in reads published versions; administrators and student affairs create documents and draft
 * versions; they and leaders publish. Drafts are 404 to everyone else. A file travels as base64.
 */
@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "Documents", description = "Versioned publications: implementation plans, responsibility lists, rules, work reports")
class DocumentsApi {

    private final Documents documents;

    DocumentsApi(Documents documents) {
        this.documents = documents;
    }

    /** A version as sent: text (markdown or plain), a change note, and optionally a file (PDF, DOCX or XLSX as base64). */
    record VersionBody(String text, DocumentFormat format, String changeNote, String fileName, byte[] file) {

        DocumentVersionDraft draft() {
            return new DocumentVersionDraft(text, format, changeNote, DocumentFile.of(fileName, file));
        }
    }

    /** A new document with its first version (a draft). */
    record DocumentBody(String title, DocumentKind kind, Long departmentId, String text, DocumentFormat format, String changeNote,
                        String fileName, byte[] file) {

        DocumentDraft document() {
            return new DocumentDraft(title, kind, departmentId);
        }

        DocumentVersionDraft version() {
            return new VersionBody(text, format, changeNote, fileName, file).draft();
        }
    }

    record HeadBody(String title, DocumentKind kind, Long departmentId) {
    }

    @GetMapping
    @Operation(summary = "Documents the caller may read, with the latest published version of each, and the published "
            + "responsibility list of requests as a link", description = "kind narrows the list. Editors and leaders also see "
            + "documents with nothing published yet and whether a draft waits.")
    DocumentViews.Listing list(Viewer viewer, @RequestParam(required = false) DocumentKind kind) {
        return documents.list(viewer, kind);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One document: its latest published version, the published history, and for editors the draft")
    DocumentViews.Document document(Viewer viewer, @PathVariable long id) {
        return documents.document(viewer, id);
    }

    @GetMapping("/{id}/versions/{number}")
    @Operation(summary = "One version with its text and safe HTML; a draft is 404 except to editors and leaders")
    DocumentViews.Version version(Viewer viewer, @PathVariable long id, @PathVariable int number) {
        return documents.version(viewer, id, number);
    }

    @GetMapping("/{id}/versions/{number}/file")
    @Operation(summary = "The file attached to a version (404 when none)")
    ResponseEntity<byte[]> file(Viewer viewer, @PathVariable long id, @PathVariable int number) {
        return DocumentsController.download(documents.file(viewer, id, number));
    }

    @PostMapping
    @Operation(summary = "Creates a document with its first version as a draft (editors)",
            description = "Every problem is a field error (blank title or text, an unknown department, a file that is not "
                    + "PDF/DOCX/XLSX or larger than 10 MB) and nothing is written then; others get 404.")
    ResponseEntity<DocumentViews.Document> create(Viewer viewer, @RequestBody DocumentBody body) {
        long id = documents.create(viewer, body.document(), body.version());
        return ResponseEntity.created(URI.create("/api/v1/documents/" + id)).body(documents.document(viewer, id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes a document's title, kind or owner department (editors)")
    DocumentViews.Document revise(Viewer viewer, @PathVariable long id, @RequestBody HeadBody body) {
        documents.revise(viewer, id, new DocumentDraft(body.title(), body.kind(), body.departmentId()));
        return documents.document(viewer, id);
    }

    @PutMapping("/{id}/draft")
    @Operation(summary = "Drafts the next version, or changes the draft there is (editors)",
            description = "A published version is never changed. A draft keeps its file when none is sent. Answers the draft.")
    DocumentViews.Version draft(Viewer viewer, @PathVariable long id, @RequestBody VersionBody body) {
        int number = documents.draft(viewer, id, body.draft());
        return documents.version(viewer, id, number);
    }

    @PostMapping("/{id}/draft/publish")
    @Operation(summary = "Publishes the draft today (editors and leaders); 409 when there is no draft")
    DocumentViews.Version publish(Viewer viewer, @PathVariable long id) {
        int number = documents.publish(viewer, id);
        return documents.version(viewer, id, number);
    }

    @DeleteMapping("/{id}/draft")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Throws the draft away (editors); 409 when there is none")
    void discard(Viewer viewer, @PathVariable long id) {
        documents.discardDraft(viewer, id);
    }
}
