package org.shouwang.insights;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
    // bad values are field errors (400). (Line comment: Modulith's docs choke on brackets in Javadoc.)
    public TicketKpis.Report report(Viewer viewer, String from, String to, String by) {
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
        return kpis.report(viewer, range[0], range[1], dimension == null ? TicketKpis.Dimension.CATEGORY : dimension);
    }

    public void write(TicketKpis.Report report, Locale locale, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Shouwang", "1.0");
            Worksheet sheet = workbook.newWorksheet("KPIs");
            sheet.value(0, 0, msg(locale, "export.kpis.title", report.from().toString(), report.to().toString()));
            sheet.style(0, 0).bold().set();
            for (int c = 0; c < COLUMNS.length; c++) {
                sheet.value(1, c, msg(locale, "export.kpis." + COLUMNS[c]));
                sheet.style(1, c).bold().fillColor("EDEDED").wrapText(true).set();
                sheet.width(c, c == 0 ? 24 : 11);
            }
            int r = 2;
            for (TicketKpis.Row row : report.rows()) {
                figures(sheet, r++, group(report.dimension(), row, locale), row.figures());
            }
            figures(sheet, r, msg(locale, "export.kpis.total"), report.total());
            sheet.style(r, 0).bold().set();
            sheet.freezePane(1, 2);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static void figures(Worksheet sheet, int r, String group, TicketKpis.Figures f) {
        sheet.value(r, 0, group);
        sheet.value(r, 1, f.requests());
        sheet.value(r, 2, f.responded());
        rate(sheet, r, 3, f.responseRate());
        rate(sheet, r, 4, f.onTimeResponseRate());
        sheet.value(r, 5, f.resolved());
        rate(sheet, r, 6, f.onTimeResolutionRate());
        sheet.value(r, 7, f.followUpsAnswered());
        rate(sheet, r, 8, f.contactRate());
        rate(sheet, r, 9, f.resolutionRate());
        rate(sheet, r, 10, f.satisfactionRate());
        minutes(sheet, r, 11, f.medianResponseMinutes());
        minutes(sheet, r, 12, f.medianResolutionMinutes());
        sheet.value(r, 13, f.returned());
        sheet.value(r, 14, f.reopened());
        sheet.value(r, 15, f.supervised());
    }

    private static void rate(Worksheet sheet, int r, int c, TicketKpis.Rate rate) {
        if (rate.value() != null) {
            sheet.value(r, c, rate.value());
            sheet.style(r, c).format("0.0%").set();
        }
    }

    private static void minutes(Worksheet sheet, int r, int c, Double minutes) {
        if (minutes != null) {
            sheet.value(r, c, minutes);
            sheet.style(r, c).format("0").set();
        }
    }

    private String msg(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
