package org.shouwang.insights.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.shouwang.insights.LeaderDashboard;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The leader dashboard page and its big-screen form, the data cockpit. */
@Controller
class LeaderDashboardController {

    private final LeaderDashboard dashboard;
    private final MessageSource messages;

    LeaderDashboardController(LeaderDashboard dashboard, MessageSource messages) {
        this.dashboard = dashboard;
        this.messages = messages;
    }

    @GetMapping("/insights")
    String page(Viewer viewer, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        dashboard.require(viewer);
        LeaderDashboard.Dashboard d;
        try {
            d = dashboard.dashboard(viewer, from, to);
        } catch (InvalidInput e) {
            InvalidInput.Problem problem = e.problems().get(0);
            model.addAttribute("error", messages.getMessage(problem.code(), problem.args(), LocaleContextHolder.getLocale()));
            d = dashboard.dashboard(viewer, null, null);
        }
        model.addAttribute("d", d);
        model.addAttribute("counts", dashboard.counts(viewer));
        model.addAttribute("categoryNames", categoryNames());
        return "insights/dashboard";
    }

    /**
     * The data cockpit: the leader's figures of the last twelve months on one 1920×1080 screen,
     * fetched again every {@code refresh} seconds (5 to 600, default 30).
     */
    @GetMapping("/insights/cockpit")
    String cockpit(Viewer viewer, @RequestParam(defaultValue = "30") String refresh, Model model) {
        model.addAttribute("d", dashboard.dashboard(viewer, null, null));
        model.addAttribute("counts", dashboard.counts(viewer));
        model.addAttribute("categoryNames", categoryNames());
        model.addAttribute("refreshSeconds", refreshSeconds(refresh));
        return "insights/cockpit";
    }

    private static int refreshSeconds(String refresh) {
        try {
            return Math.min(600, Math.max(5, Integer.parseInt(refresh.trim())));
        } catch (NumberFormatException e) {
            return 30;
        }
    }

    private Map<String, String> categoryNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            names.put(c.name(), messages.getMessage("ticket.category." + c.name(), null, c.name(), LocaleContextHolder.getLocale()));
        }
        return names;
    }
}
