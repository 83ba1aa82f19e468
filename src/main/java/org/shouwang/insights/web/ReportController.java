package org.shouwang.insights.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.insights.Reports;
import org.shouwang.shared.Fields;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The governance report page: choose a period and a language, generate, watch the progress (htmx
 * polls a fragment), then read the report with its charts and download it as DOCX.
 */
@Controller
class ReportController {

    static final Set<String> FIELDS = Set.of("period", "from", "to", "language");

    private final Reports reports;
    private final FormErrors formErrors;

    ReportController(Reports reports, FormErrors formErrors) {
        this.reports = reports;
        this.formErrors = formErrors;
    }

    @GetMapping("/insights/report")
    String form(Viewer viewer, Model model) {
        return form(viewer, model, "last12", null, null, "zh-CN", Map.of());
    }

    @PostMapping("/insights/report")
    String generate(Viewer viewer, @RequestParam(required = false) String period, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, @RequestParam(required = false) String language, Model model) {
        reports.require(viewer);
        try {
            Fields f = new Fields();
            LocalDate first = f.date(from, "from");
            LocalDate last = f.date(to, "to");
            f.check();
            LocalDate[] days = reports.period(viewer, period, first, last);
            long id = reports.start(viewer, days[0], days[1], language);
            return "redirect:/insights/report/" + id;
        } catch (InvalidInput e) {
            return form(viewer, model, period, from, to, language, formErrors.of(e, FIELDS));
        } catch (RuleViolation e) {
            return form(viewer, model, period, from, to, language, formErrors.of(e));
        }
    }

    private String form(Viewer viewer, Model model, String period, String from, String to, String language,
                        Map<String, String> errors) {
        model.addAttribute("presets", reports.presets(viewer));
        model.addAttribute("recent", reports.recent(viewer));
        model.addAttribute("period", period == null || period.isBlank() ? "last12" : period);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("language", language == null || language.isBlank() ? "zh-CN" : language);
        model.addAttribute("errors", errors);
        return "insights/report";
    }

    @GetMapping("/insights/report/{id}")
    String job(Viewer viewer, @PathVariable long id, Model model) {
        Reports.Job job = reports.job(viewer, id);
        model.addAttribute("job", job);
        if (job.done()) {
            model.addAttribute("report", reports.document(viewer, id));
        }
        return "insights/report-job";
    }

    /** The progress fragment htmx polls; once the report is done, htmx is sent to the report. */
    @GetMapping("/insights/report/{id}/progress")
    String progress(Viewer viewer, @PathVariable long id, Model model, HttpServletResponse response) {
        Reports.Job job = reports.job(viewer, id);
        if (job.done()) {
            response.setHeader("HX-Redirect", "/insights/report/" + id);
        }
        model.addAttribute("job", job);
        return "insights/report-progress :: progress";
    }
}
