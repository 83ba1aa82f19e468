package org.shouwang.insights.web;

import org.shouwang.activities.Semester;
import org.shouwang.insights.StudentDashboard;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The student's dashboard page. */
@Controller
class StudentDashboardController {

    private final StudentDashboard dashboard;
    private final MessageSource messages;

    StudentDashboardController(StudentDashboard dashboard, MessageSource messages) {
        this.dashboard = dashboard;
        this.messages = messages;
    }

    @GetMapping("/insights/student")
    String page(Viewer viewer, Model model) {
        StudentDashboard.Dashboard d = dashboard.dashboard(viewer);
        Semester term = Semester.parse(d.growth().semester(), "semester");
        model.addAttribute("d", d);
        model.addAttribute("semesterLabel", messages.getMessage(term.labelCode(), term.labelArgs(), LocaleContextHolder.getLocale()));
        java.util.Map<String, String> educations = new java.util.LinkedHashMap<>();
        for (org.shouwang.activities.FiveEducation e : org.shouwang.activities.FiveEducation.values()) {
            educations.put(e.name(), messages.getMessage("activity.education." + e.name(), null, e.name(),
                    LocaleContextHolder.getLocale()));
        }
        model.addAttribute("educationNames", educations);
        return "insights/student";
    }
}
