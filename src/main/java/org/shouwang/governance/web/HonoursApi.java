package org.shouwang.governance.web;

import java.net.URI;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.governance.DocumentFile;
import org.shouwang.governance.HonourDraft;
import org.shouwang.governance.HonourHolderKind;
import org.shouwang.governance.HonourLevel;
import org.shouwang.governance.HonourViews;
import org.shouwang.governance.Honours;
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
 * Honours over HTTP, through the same service as the pages: everyone signed in reads them;
 * administrators and student affairs record, change and remove them (404 for anyone else).
 */
@RestController
@RequestMapping("/api/v1/honours")
@Tag(name = "Honours", description = "Honours (荣誉) won by the university, departments, studios, projects, organisations and students")
class HonoursApi {

    private final Honours honours;

    HonoursApi(Honours honours) {
        this.honours = honours;
    }

    /**
     * An honour as sent. Holder: holderKind with holderId (DEPARTMENT, STUDIO, PROJECT, ORGANISATION),
     * studentNumber (STUDENT) or holderText (UNIVERSITY). Evidence: evidenceLink, or a file (PDF, JPEG, PNG) as base64.
     */
    record HonourBody(String title, String awardingBody, HonourLevel level, LocalDate awardedOn, HonourHolderKind holderKind,
                      Long holderId, String studentNumber, String holderText, String evidenceLink, String evidenceName,
                      byte[] evidence) {

        HonourDraft draft() {
            return new HonourDraft(title, awardingBody, level, awardedOn, holderKind, holderId, studentNumber, holderText,
                    evidenceLink);
        }

        DocumentFile file() {
            return DocumentFile.of(evidenceName, evidence);
        }
    }

    @GetMapping
    @Operation(summary = "Honours, newest first, with counts by level and year over all honours",
            description = "level, holderKind and year narrow the list.")
    HonourViews.Listing list(Viewer viewer, @RequestParam(required = false) HonourLevel level,
                             @RequestParam(required = false) HonourHolderKind holderKind,
                             @RequestParam(required = false) Integer year) {
        return honours.list(viewer, new HonourViews.Filter(level, holderKind, year));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One honour")
    HonourViews.Honour honour(Viewer viewer, @PathVariable long id) {
        return honours.honour(viewer, id);
    }

    @GetMapping("/{id}/evidence")
    @Operation(summary = "An honour's evidence file (404 when it has none)")
    ResponseEntity<byte[]> evidence(Viewer viewer, @PathVariable long id) {
        return DocumentsController.download(honours.evidence(viewer, id));
    }

    @PostMapping
    @Operation(summary = "Records an honour (administrators, student affairs)",
            description = "Every problem is a field error (blank title, a date in the future, an unknown holder, evidence not "
                    + "an image or PDF or larger than 5 MB, a link not http(s)) and nothing is written then; others get 404.")
    ResponseEntity<HonourViews.Honour> record(Viewer viewer, @RequestBody HonourBody body) {
        long id = honours.record(viewer, body.draft(), body.file());
        return ResponseEntity.created(URI.create("/api/v1/honours/" + id)).body(honours.honour(viewer, id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes an honour; its evidence file stays when none is sent")
    HonourViews.Honour revise(Viewer viewer, @PathVariable long id, @RequestBody HonourBody body) {
        honours.revise(viewer, id, body.draft(), body.file());
        return honours.honour(viewer, id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Removes an honour recorded by mistake")
    void remove(Viewer viewer, @PathVariable long id) {
        honours.remove(viewer, id);
    }
}
