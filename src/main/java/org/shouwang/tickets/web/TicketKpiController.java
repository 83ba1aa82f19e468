package org.shouwang.tickets.web;

import java.time.LocalDate;
import java.util.List;

import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketKpis;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The KPI page (department heads, student affairs, the desk, leaders, admins) and the public board (everyone signed in). */
@Controller
class TicketKpiController {

    private final TicketKpis kpis;
    private final MessageSource messages;

    TicketKpiController(TicketKpis kpis, MessageSource messages) {
        this.kpis = kpis;
        this.messages = messages;
    }

    @GetMapping("/requests/kpis")
    String kpis(Viewer viewer, @RequestParam(defaultValue = "MONTH") TicketKpis.Period period,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) TicketKpis.Dimension dimension, Model model) {
        Long department = kpis.scope(viewer);
        LocalDate[] range;
        try {
            range = kpis.period(period, from, to == null ? null : to.plusDays(1));
        } catch (InvalidInput e) {
            InvalidInput.Problem problem = e.problems().get(0);
            model.addAttribute("error", messages.getMessage(problem.code(), problem.args(), LocaleContextHolder.getLocale()));
            period = TicketKpis.Period.MONTH;
            range = kpis.period(period, null, null);
        }
        TicketKpis.Dimension by = dimension == null ? TicketKpis.Dimension.CATEGORY : dimension;
        TicketKpis.Report report = kpis.report(viewer, range[0], range[1], by);
        TicketKpis.Report trend = by == TicketKpis.Dimension.MONTH ? report
                : kpis.report(viewer, range[0], range[1], TicketKpis.Dimension.MONTH);
        model.addAttribute("report", report);
        model.addAttribute("trend", trend.rows());
        model.addAttribute("period", period);
        model.addAttribute("periods", TicketKpis.Period.values());
        model.addAttribute("dimensions", TicketKpis.Dimension.values());
        model.addAttribute("dimension", by);
        model.addAttribute("from", range[0]);
        model.addAttribute("toInclusive", range[1].minusDays(1));
        model.addAttribute("department", department);
        return "tickets-kpi/kpis";
    }

    @GetMapping("/board")
    String board(@RequestParam(defaultValue = "DAYS30") TicketKpis.Period period, Model model) {
        TicketKpis.Period used = period == TicketKpis.Period.TERM ? period : TicketKpis.Period.DAYS30;
        LocalDate[] range = kpis.period(used, null, null);
        model.addAttribute("board", kpis.board(range[0], range[1]));
        model.addAttribute("period", used);
        model.addAttribute("toInclusive", range[1].minusDays(1));
        model.addAttribute("categories", List.of(Category.values()).stream().filter(Category::publishable).toList());
        return "tickets-kpi/board";
    }
}
