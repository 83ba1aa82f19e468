package org.shouwang.insights;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.shouwang.shared.Fields;
import org.shouwang.tickets.TicketKpis;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The KPI table of /requests/kpis as xlsx: {@link TicketKpis#report} with the viewer (a department
 * head: their department only; anyone but admins, leaders, student affairs and the desk: 404).
 * Aggregates only — no names, texts or identifiers.
 */
@Service
public class ExportKpis {

    private static final String[] COLUMNS = {"group", "requests", "responded", "responseRate", "onTimeResponseRate", "resolved",
            "onTimeResolutionRate", "followUps", "contactRate", "resolutionRate", "satisfactionRate", "medianResponse",
            "medianResolution", "returned", "reopened", "supervised"};

    private final TicketKpis kpis;
    private final MessageSource messages;

    ExportKpis(TicketKpis kpis, MessageSource messages) {
        this.kpis = kpis;
        this.messages = messages;
    }

    // The report for these parameters as the API reads them: from inclusive, to exclusive, this month without dates;
    // department narrows it to one (a department head only their own, else 404); bad values are field errors (400).
    // (Line comment: Modulith's docs choke on brackets in Javadoc.)
    public TicketKpis.Report report(Viewer viewer, String from, String to, String by, Long department) {
        kpis.scope(viewer);
        Fields fields = new Fields();
        LocalDate start = fields.date(from, "from");
        LocalDate end = fields.date(to, "to");
        TicketKpis.Dimension dimension = fields.choice(TicketKpis.Dimension.class, by, "by");
        if (start != null ^ end != null) {
            fields.add(start == null ? "from" : "to", "field.required");
        }
        fields.check();
        LocalDate[] range = start == null ? kpis.period(TicketKpis.Period.MONTH, null, null)
                : kpis.period(TicketKpis.Period.CUSTOM, start, end);
        return kpis.report(viewer, range[0], range[1], dimension == null ? TicketKpis.Dimension.CATEGORY : dimension, department);
    }

    public void write(TicketKpis.Report report, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.bare("export.sheet.kpis")
                .title(msg(locale, "export.kpis.title", report.from().toString(), report.to().toString()));
        String[] labels = new String[COLUMNS.length];
        for (int c = 0; c < COLUMNS.length; c++) {
            labels[c] = msg(locale, "export.kpis." + COLUMNS[c]);
        }
        sheet.header(labels).width(0, 24);
        Map<String, SmallGroups.Shown> shown = report.dimension() == TicketKpis.Dimension.CATEGORY
                ? SmallGroups.categories(report.rows()) : Map.of();
        for (TicketKpis.Row row : report.rows()) {
            String group = group(report.dimension(), row, locale);
            SmallGroups.Shown s = shown.getOrDefault(row.key(), SmallGroups.Shown.NUMBER);
            if (s.hidden()) {
                // The minimum-group rule: a small sensitive group shows "<5" (and one more "—" when it is the only one),
                // with no figure that would tell its size.
                sheet.row(group, s == SmallGroups.Shown.WITHHELD ? "—" : msg(locale, "export.kpis.fewer"));
            } else {
                sheet.row(figures(group, row.figures()));
            }
        }
        sheet.row(figures(msg(locale, "export.kpis.total"), report.total())).bold(1);
        if (report.dimension() == TicketKpis.Dimension.CATEGORY) {
            sheet.title(msg(locale, "export.kpis.small"));
        }
        book.finish();
    }

    private String group(TicketKpis.Dimension dimension, TicketKpis.Row row, Locale locale) {
        if ("-".equals(row.key())) {
            return msg(locale, "export.kpis.none");
        }
        if (dimension == TicketKpis.Dimension.CATEGORY) {
            return msg(locale, "ticket.category." + row.key());
        }
        return row.name() == null ? row.key() : row.name();
    }

    private static Object[] figures(String group, TicketKpis.Figures f) {
        return new Object[]{group, f.requests(), f.responded(), rate(f.responseRate()), rate(f.onTimeResponseRate()),
                f.resolved(), rate(f.onTimeResolutionRate()), f.followUpsAnswered(), rate(f.contactRate()),
                rate(f.resolutionRate()), rate(f.satisfactionRate()), minutes(f.medianResponseMinutes()),
                minutes(f.medianResolutionMinutes()), f.returned(), f.reopened(), f.supervised()};
    }

    private static XlsxSheet.Formatted rate(TicketKpis.Rate rate) {
        return new XlsxSheet.Formatted(rate.value(), "0.0%");
    }

    private static XlsxSheet.Formatted minutes(Double minutes) {
        return new XlsxSheet.Formatted(minutes, "0");
    }

    private String msg(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
