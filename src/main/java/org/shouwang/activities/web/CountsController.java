package org.shouwang.activities.web;

import java.time.LocalDate;

import org.shouwang.activities.ActivityCounts;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Activity counts for any period by one dimension, for staff: aggregate figures only. */
@Controller
class CountsController {

    private final ActivityCounts counts;
    private final MessageSource messages;

    CountsController(ActivityCounts counts, MessageSource messages) {
        this.counts = counts;
        this.messages = messages;
    }

    @GetMapping("/activities/counts")
    String counts(Viewer viewer,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) ActivityCounts.Dimension by, Model model) {
        counts.requireStaff(viewer);
        ActivityCounts.Report report;
        try {
            report = counts.counts(viewer, from, to, by);
        } catch (InvalidInput e) {
            InvalidInput.Problem problem = e.problems().get(0);
            model.addAttribute("error", messages.getMessage(problem.code(), problem.args(), LocaleContextHolder.getLocale()));
            model.addAttribute("errorField", problem.field());
            report = counts.counts(viewer, null, null, by);
        }
        model.addAttribute("report", report);
        model.addAttribute("dimensions", ActivityCounts.Dimension.values());
        return "activities-growth/counts";
    }
}
