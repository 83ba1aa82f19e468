package org.shouwang.insights.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.activities.Semester;
import org.shouwang.insights.ClassesDashboard;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The counsellor's and head teacher's dashboard page. */
@Controller
class ClassesDashboardController {

    private final ClassesDashboard dashboard;
    private final MessageSource messages;

    ClassesDashboardController(ClassesDashboard dashboard, MessageSource messages) {
        this.dashboard = dashboard;
        this.messages = messages;
    }

    @GetMapping("/insights/classes")
    String page(Viewer viewer, @RequestParam(required = false) String semester, Model model) {
        dashboard.require(viewer);
        ClassesDashboard.Dashboard d;
        try {
            d = dashboard.dashboard(viewer, semester);
        } catch (InvalidInput e) {
            InvalidInput.Problem problem = e.problems().get(0);
            model.addAttribute("error", messages.getMessage(problem.code(), problem.args(), LocaleContextHolder.getLocale()));
            d = dashboard.dashboard(viewer, null);
        }
        model.addAttribute("d", d);
        Map<String, String> semesters = new LinkedHashMap<>();
        List<Semester> terms = new java.util.ArrayList<>(dashboard.semesters(viewer));
        Semester chosen = Semester.parse(d.semester(), "semester");
        if (!terms.contains(chosen)) {
            terms.add(0, chosen);
        }
        for (Semester s : terms) {
            semesters.put(s.key(), messages.getMessage(s.labelCode(), s.labelArgs(), LocaleContextHolder.getLocale()));
        }
        model.addAttribute("semesters", semesters);
        Map<String, String> educations = new LinkedHashMap<>();
        for (org.shouwang.activities.FiveEducation e : org.shouwang.activities.FiveEducation.values()) {
            educations.put(e.name(), messages.getMessage("activity.education." + e.name(), null, e.name(),
                    LocaleContextHolder.getLocale()));
        }
        model.addAttribute("educationNames", educations);
        return "insights/classes";
    }
}
