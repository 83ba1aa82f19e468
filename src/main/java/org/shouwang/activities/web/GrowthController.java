package org.shouwang.activities.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.activities.GrowthRecords;
import org.shouwang.activities.GrowthViews;
import org.shouwang.activities.Semester;
import org.shouwang.activities.Transcripts;
import org.shouwang.people.People;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The growth record pages: the student's own ({@code /growth}), a student's for the staff who may
 * read it, issuing a transcript, and the class exports for counsellors and head teachers.
 */
@Controller
class GrowthController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final GrowthRecords records;
    private final Transcripts transcripts;
    private final People people;
    private final MessageSource messages;

    GrowthController(GrowthRecords records, Transcripts transcripts, People people, MessageSource messages) {
        this.records = records;
        this.transcripts = transcripts;
        this.people = people;
        this.messages = messages;
    }

    /** A student's own record; staff without one are taken to their class exports. */
    @GetMapping("/growth")
    String mine(Viewer viewer, Model model) {
        if (viewer.studentId() == null && viewer.isStaff()) {
            return "redirect:/growth/classes";
        }
        return show(records.mine(viewer), true, model);
    }

    @GetMapping("/students/{id}/growth")
    String ofStudent(Viewer viewer, @PathVariable long id, Model model) {
        return show(records.record(viewer, id), viewer.isStudent(id), model);
    }

    @PostMapping("/growth/transcripts")
    String issueMine(Viewer viewer, RedirectAttributes redirect) {
        return issued(transcripts.issueMine(viewer), redirect);
    }

    @PostMapping("/students/{id}/transcripts")
    String issue(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        return issued(transcripts.issue(viewer, id), redirect);
    }

    // — classes —

    @GetMapping("/growth/classes")
    String classes(Viewer viewer, @RequestParam(required = false) Long college, Model model) {
        List<GrowthViews.ExportableClass> classes = records.exportableClasses(viewer, college);
        model.addAttribute("classes", classes);
        model.addAttribute("byCollege", records.choosesByCollege(viewer));
        if (records.choosesByCollege(viewer)) {
            model.addAttribute("colleges", people.colleges());
            model.addAttribute("college", college != null ? college
                    : people.colleges().stream().findFirst().map(c -> c.id()).orElse(null));
        }
        model.addAttribute("semesters", records.semestersSince(classes.stream().mapToInt(GrowthViews.ExportableClass::gradeYear)
                .min().orElse(Integer.MAX_VALUE)));
        return "activities-growth/classes";
    }

    @GetMapping("/growth/classes/{id}")
    String classTotals(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String semester, Model model) {
        Semester term = semester(semester);
        GrowthViews.ClassTotals totals = records.classTotals(viewer, id, term);
        model.addAttribute("totals", totals);
        model.addAttribute("educations", org.shouwang.activities.FiveEducation.values());
        model.addAttribute("semester", term == null ? "" : term.key());
        model.addAttribute("semesters", records.semestersSince(people.classGroup(id).gradeYear()));
        return "activities-growth/class";
    }

    @GetMapping("/growth/classes/{id}/export")
    ResponseEntity<byte[]> export(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String semester) {
        Semester term = semester(semester);
        byte[] xlsx = records.classWorkbook(viewer, id, term, LocaleContextHolder.getLocale());
        return workbook(xlsx, records.classCode(viewer, id), term);
    }

    /** The page's own answer to a hand-edited semester: the reason, with 400. */
    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalid(InvalidInput e, HttpServletResponse response) {
        response.setStatus(400);
        InvalidInput.Problem p = e.problems().get(0);
        return new ModelAndView("error", "message", messages.getMessage(p.code(), p.args(), LocaleContextHolder.getLocale()));
    }

    static Semester semester(String key) {
        return key == null || key.isBlank() || "all".equalsIgnoreCase(key.strip()) ? null : Semester.parse(key, "semester");
    }

    static ResponseEntity<byte[]> workbook(byte[] xlsx, String classCode, Semester term) {
        String name = "growth-" + classCode.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + (term == null ? "all" : term.key()) + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }

    private String show(GrowthViews.Record record, boolean own, Model model) {
        model.addAttribute("record", record);
        model.addAttribute("own", own);
        model.addAttribute("issueAction", own ? "/growth/transcripts" : "/students/" + record.student().id() + "/transcripts");
        return "activities-growth/record";
    }

    private String issued(GrowthViews.Issued issued, RedirectAttributes redirect) {
        redirect.addFlashAttribute("issued", issued.displayCode());
        return "redirect:/transcripts/" + issued.code();
    }
}
