package org.shouwang.insights.web;

import java.time.YearMonth;

import org.shouwang.insights.BuildingDashboard;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The building dashboard page: requests per floor and room, inspection scores, who is on duty. */
@Controller
class BuildingDashboardController {

    private final BuildingDashboard dashboard;
    private final MessageSource messages;

    BuildingDashboardController(BuildingDashboard dashboard, MessageSource messages) {
        this.dashboard = dashboard;
        this.messages = messages;
    }

    @GetMapping("/insights/building")
    String page(Viewer viewer, @RequestParam(required = false) Long building, @RequestParam(required = false) String month,
                Model model) {
        dashboard.require(viewer);
        YearMonth chosen;
        try {
            chosen = dashboard.month(month);
        } catch (InvalidInput e) {
            InvalidInput.Problem problem = e.problems().get(0);
            model.addAttribute("error", messages.getMessage(problem.code(), problem.args(), LocaleContextHolder.getLocale()));
            chosen = dashboard.month(null);
        }
        model.addAttribute("d", dashboard.dashboard(viewer, building, chosen));
        return "insights/building";
    }
}
