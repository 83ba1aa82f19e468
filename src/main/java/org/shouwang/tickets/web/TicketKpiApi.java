package org.shouwang.tickets.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.TicketKpis;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Request KPIs", description = "Figures of the closed loop (DESIGN §5) and the anonymised public board")
class TicketKpiApi {

    private final TicketKpis kpis;

    TicketKpiApi(TicketKpis kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/kpis")
    @Operation(summary = "KPIs of the requests submitted in [from, to) (withdrawn ones excluded), broken down by one dimension",
            description = """
                    Rates come as {count, of, value}; value is null when of is 0. Medians are in business minutes (natural \
                    minutes for urgent requests). Without from/to: this month. Admins, leaders, student affairs and the \
                    dispatch desk see all departments; a department head sees their own department only; anyone else gets 404.""")
    TicketKpis.Report kpis(Viewer viewer,
                           @Parameter(description = "first submission date, inclusive (yyyy-MM-dd)")
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @Parameter(description = "end date, exclusive (yyyy-MM-dd)")
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @Parameter(description = "breakdown; none: totals only")
                           @RequestParam(required = false) TicketKpis.Dimension dimension) {
        kpis.scope(viewer);
        LocalDate[] range = from == null && to == null ? kpis.period(TicketKpis.Period.MONTH, null, null)
                : kpis.period(TicketKpis.Period.CUSTOM, from, to);
        return kpis.report(viewer, range[0], range[1], dimension);
    }

    @GetMapping("/board")
    @Operation(summary = "The public board: requests resolved in the last 30 days (or this term), anonymised",
            description = "Counts by category and building and the latest resolved items: category, sub-category, building, "
                    + "submission date, business minutes to resolve, satisfaction. Never text, names or rooms; never "
                    + "psychology, legal or safety cases. Any signed-in user.")
    TicketKpis.Board board(@Parameter(description = "DAYS30 (default) or TERM")
                           @RequestParam(defaultValue = "DAYS30") TicketKpis.Period period) {
        TicketKpis.Period used = period == TicketKpis.Period.TERM ? period : TicketKpis.Period.DAYS30;
        LocalDate[] range = kpis.period(used, null, null);
        return kpis.board(range[0], range[1]);
    }
}
