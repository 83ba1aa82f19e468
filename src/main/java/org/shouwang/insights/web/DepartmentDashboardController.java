package org.shouwang.insights.web;

import java.time.LocalDate;

import org.shouwang.insights.DepartmentDashboard;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The department dashboard page: queue health, deadline risk, KPIs and their trend. */
@Controller
class DepartmentDashboardController {

    private final DepartmentDashboard dashboard;
    private final MessageSource messages;

    DepartmentDashboardController(DepartmentDashboard dashboard, MessageSource messages) {
        this.dashboard = dashboard;
        this.messages = messages;
    }

    @GetMapping("/insights/department")
    String page(Viewer viewer, @RequestParam(required = false) Long department,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        dashboard.require(viewer);
        DepartmentDashboard.Dashboard d;
        try {
            d = dashboard.dashboard(viewer, department, from, to);
        } catch (InvalidInput e) {
            InvalidInput.Problem problem = e.problems().get(0);
            model.addAttribute("error", messages.getMessage(problem.code(), problem.args(), LocaleContextHolder.getLocale()));
            d = dashboard.dashboard(viewer, department, null, null);
        }
        model.addAttribute("d", d);
        return "insights/department";
    }
}
