package org.shouwang.tickets.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Responsibilities;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Responsibility list (admin)", description = "The department responsibility list (部门责任清单) as a versioned "
        + "document: versions, the draft's clauses, publishing and discarding; administrators only. The published list is "
        + "GET /api/v1/responsibilities")
class ResponsibilitiesApi {

    private final Responsibilities responsibilities;
    private final ClauseChecks checks;

    ResponsibilitiesApi(Responsibilities responsibilities, ClauseChecks checks) {
        this.responsibilities = responsibilities;
        this.checks = checks;
    }

    /** One version of the list with its clauses. */
    record Document(int version, Responsibilities.Status status, String note, Instant createdAt, String createdBy,
                    Instant publishedAt, String publishedBy, List<Responsibilities.Clause> clauses) {

        static Document of(Responsibilities.Version v, List<Responsibilities.Clause> clauses) {
            return new Document(v.version(), v.status(), v.note(), v.createdAt(), v.createdBy(), v.publishedAt(),
                    v.publishedBy(), clauses);
        }
    }

    @GetMapping("/admin/responsibilities")
    @Operation(summary = "Every version of the list, newest first: the draft, the published one and the superseded ones")
    List<Responsibilities.Version> versions() {
        return responsibilities.versions();
    }

    @GetMapping("/admin/responsibilities/{version}")
    @Operation(summary = "One version with its clauses (past versions stay readable)")
    Document version(@PathVariable int version) {
        Responsibilities.Version shown = responsibilities.version(version);
        return Document.of(shown, responsibilities.clauses(shown.id()));
    }

    @GetMapping("/admin/responsibilities/draft")
    @Operation(summary = "The draft being edited, with its clauses; 404 when there is none")
    Document draft() {
        Responsibilities.Version draft = checks.draft().orElseThrow(() -> new NotFoundException("responsibilityList", "draft"));
        return Document.of(draft, responsibilities.clauses(draft.id()));
    }

    @PostMapping("/admin/responsibilities/draft")
    @Operation(summary = "Open a draft (a copy of the published version), or return the open one (audited)")
    Document openDraft(Viewer admin) {
        Responsibilities.Version draft = responsibilities.draft(admin);
        return Document.of(draft, responsibilities.clauses(draft.id()));
    }

    @PostMapping("/admin/responsibilities/draft/clauses")
    @Operation(summary = "Add a clause to the draft (a draft is opened if none is); its number must be new (audited)")
    ResponseEntity<Responsibilities.Clause> addClause(Viewer admin, @Validated @RequestBody ClauseForm body) {
        checks.check(body, true);
        Responsibilities.Clause saved = responsibilities.saveClause(admin, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/admin/responsibilities/draft/clauses/" + saved.clause())).body(saved);
    }

    @PutMapping("/admin/responsibilities/draft/clauses/{clause}")
    @Operation(summary = "Replace (or add) the draft's clause of this number; the body's number must be the same (audited)")
    Responsibilities.Clause saveClause(Viewer admin, @PathVariable String clause, @Validated @RequestBody ClauseForm body) {
        if (!body.number().equals(clause.trim())) {
            throw new InvalidInput("clause", "responsibilityList.clauseMismatch", clause);
        }
        checks.check(body, false);
        return responsibilities.saveClause(admin, body.draft());
    }

    @DeleteMapping("/admin/responsibilities/draft/clauses/{clause}")
    @Operation(summary = "Remove a clause from the draft (audited)")
    ResponseEntity<Void> removeClause(Viewer admin, @PathVariable String clause) {
        responsibilities.removeClause(admin, clause);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/admin/responsibilities/draft/publish")
    @Operation(summary = "Publish the draft: it routes requests from now on; the previous version is superseded (audited). "
            + "Requests already dispatched keep the version they were dispatched under")
    Document publish(Viewer admin, @Validated @RequestBody PublicationForm body) {
        Responsibilities.Version published = responsibilities.publish(admin, body.note().trim());
        return Document.of(published, responsibilities.clauses(published.id()));
    }

    @DeleteMapping("/admin/responsibilities/draft")
    @Operation(summary = "Discard the draft and its clauses (audited)")
    ResponseEntity<Void> discard(Viewer admin) {
        responsibilities.discardDraft(admin);
        return ResponseEntity.noContent().build();
    }
}
