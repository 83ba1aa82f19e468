package org.shouwang.activities.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.activities.GrowthRecords;
import org.shouwang.activities.GrowthViews;
import org.shouwang.activities.Semester;
import org.shouwang.activities.Transcripts;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Growth records (第二课堂成绩单), transcripts and class exports over HTTP: the same services and
 * the same scope as the pages. A record the caller may not read answers 404, as if there were none.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Growth records", description = "Students' growth records (第二课堂成绩单): attended activities, hours and credits "
        + "by semester, type and five-education dimension, volunteer hours; transcripts with a public verification code; "
        + "class exports")
class GrowthApi {

    private static final String SEMESTER_DOC = "a semester as 2025-1 (2025–2026 first term, Sept–Jan) or 2025-2 (second term, "
            + "Feb–Aug); empty or \"all\" for every semester";

    private final GrowthRecords records;
    private final Transcripts transcripts;

    GrowthApi(GrowthRecords records, Transcripts transcripts) {
        this.records = records;
        this.transcripts = transcripts;
    }

    @GetMapping("/me/growth")
    @Operation(summary = "The signed-in student's own growth record",
            description = "Every attended activity (attendance PRESENT), newest first, with its date (start date, campus zone), "
                    + "type, series, educations, hours and credits; totals overall, by semester, by type and by each of the five "
                    + "educations (an activity serving several educations counts its hours in each), volunteer hours, and the "
                    + "transcripts issued. 404 for an account that is not a student's.")
    GrowthViews.Record mine(Viewer viewer) {
        return records.mine(viewer);
    }

    @GetMapping("/students/{id}/growth")
    @Operation(summary = "A student's growth record",
            description = "For the student, the counsellors and head teachers of the student's class, student affairs and admins; "
                    + "404 for anyone else.")
    GrowthViews.Record ofStudent(Viewer viewer, @PathVariable long id) {
        return records.record(viewer, id);
    }

    /** An issued transcript with where to read, print and check it. */
    record IssuedTranscript(String code, String displayCode, Instant issuedAt, java.time.LocalDate issuedOn, int activities, BigDecimal hours,
                            BigDecimal credits, BigDecimal volunteerHours, String verificationUrl, String pageUrl,
                            String pdfUrl, String documentUrl) {
    }

    @PostMapping("/me/transcripts")
    @Operation(summary = "The signed-in student issues a transcript of their own record",
            description = "Keeps what the record says now under a random verification code. Answers 201 with the code, the "
                    + "totals as issued, the public verification address, the printable page and the PDF.")
    ResponseEntity<IssuedTranscript> issueMine(Viewer viewer) {
        return created(transcripts.issueMine(viewer));
    }

    @PostMapping("/students/{id}/transcripts")
    @Operation(summary = "Issue a transcript of a student's record",
            description = "For whoever may read the record (the student, their class's counsellors and head teachers, student "
                    + "affairs, admins); 404 for anyone else.")
    ResponseEntity<IssuedTranscript> issue(Viewer viewer, @PathVariable long id) {
        return created(transcripts.issue(viewer, id));
    }

    @GetMapping("/transcripts/{code}")
    @Operation(summary = "Verify a transcript (public, no sign-in needed)",
            description = "What the code certified when it was issued: the holder masked (family name and the first and last "
                    + "digits of the student number), the issue date and the totals as issued. Dashes and case in the code do "
                    + "not matter. 404 for a code that was never issued.")
    GrowthViews.Verification verify(@PathVariable String code) {
        return transcripts.verify(code);
    }

    @GetMapping("/transcripts/{code}/document")
    @Operation(summary = "A transcript in full: the student, every activity and the totals as issued",
            description = "For whoever may read the student's record; 404 for anyone else or an unknown code.")
    GrowthViews.Document document(Viewer viewer, @PathVariable String code) {
        return transcripts.document(viewer, code);
    }

    @GetMapping(path = "/transcripts/{code}/pdf", produces = "application/pdf")
    @Operation(summary = "A transcript as a PDF (A4), with the verification address and its QR code",
            description = "In the caller's language (Accept-Language); for whoever may read the student's record, else 404.")
    ResponseEntity<byte[]> pdf(Viewer viewer, @PathVariable String code) {
        String stored = Transcripts.normalise(code).orElseThrow(() -> new NotFoundException("transcript", code));
        return TranscriptController.pdfAnswer(transcripts.pdf(viewer, stored, TranscriptController.verificationUrl(stored),
                LocaleContextHolder.getLocale()), stored);
    }

    // — classes —

    @GetMapping("/growth/classes")
    @Operation(summary = "The classes whose growth records the caller may export",
            description = "A counsellor's or head teacher's own classes; for student affairs and admins, the classes of one "
                    + "college (collegeId; the first college when none is given). 404 for anyone else.")
    List<GrowthViews.ExportableClass> classes(Viewer viewer,
                                              @Parameter(description = "college (student affairs and admins)")
                                              @RequestParam(required = false) Long collegeId) {
        return records.exportableClasses(viewer, collegeId);
    }

    @GetMapping("/classes/{id}/growth")
    @Operation(summary = "Every student of a class with their growth totals",
            description = "One row per student (student number, name; no other identifiers): activities, hours, credits, "
                    + "volunteer hours and the hours of each education, for one semester or all. For the class's counsellors "
                    + "and head teachers, student affairs and admins; 404 for anyone else; 400 for a malformed semester.")
    GrowthViews.ClassTotals classTotals(Viewer viewer, @PathVariable long id,
                                        @Parameter(description = SEMESTER_DOC) @RequestParam(required = false) String semester) {
        return records.classTotals(viewer, id, GrowthController.semester(semester));
    }

    @GetMapping(path = "/classes/{id}/growth/export",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The same as an xlsx workbook",
            description = "Headers in the caller's language. Same scope as the JSON; 404 outside it.")
    ResponseEntity<byte[]> export(Viewer viewer, @PathVariable long id,
                                  @Parameter(description = SEMESTER_DOC) @RequestParam(required = false) String semester) {
        Semester term = GrowthController.semester(semester);
        byte[] xlsx = records.classWorkbook(viewer, id, term, LocaleContextHolder.getLocale());
        return GrowthController.workbook(xlsx, records.classCode(viewer, id), term);
    }

    private static ResponseEntity<IssuedTranscript> created(GrowthViews.Issued i) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        IssuedTranscript body = new IssuedTranscript(i.code(), i.displayCode(), i.issuedAt(), i.issuedOn(), i.activities(), i.hours(), i.credits(),
                i.volunteerHours(), TranscriptController.verificationUrl(i.code()), base + "/transcripts/" + i.code(),
                base + "/api/v1/transcripts/" + i.code() + "/pdf", base + "/api/v1/transcripts/" + i.code() + "/document");
        return ResponseEntity.created(URI.create(base + "/api/v1/transcripts/" + i.code() + "/document")).body(body);
    }
}
