package org.shouwang.insights;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.shouwang.governance.HonourHolderKind;
import org.shouwang.governance.HonourLevel;
import org.shouwang.governance.HonourViews;
import org.shouwang.governance.Honours;
import org.shouwang.shared.FormValues;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The honours of /honours as xlsx: Honours.list with the viewer and the page's filters (unknown
 * values are ignored, as on the page). Holders by the name the page shows; identifiers in texts masked.
 */
@Service
public class ExportHonours {

    private final Honours honours;
    private final MessageSource messages;

    ExportHonours(Honours honours, MessageSource messages) {
        this.honours = honours;
        this.messages = messages;
    }

    public List<HonourViews.Honour> rows(Viewer viewer, String level, String holder, String year) {
        Integer y = null;
        try {
            int parsed = Integer.parseInt(year == null ? "" : year.strip());
            y = parsed >= 1900 && parsed <= 2999 ? parsed : null;
        } catch (NumberFormatException e) {
            // no year: every year, as on the page
        }
        return honours.list(viewer, new HonourViews.Filter(FormValues.filter(HonourLevel.class, level),
                FormValues.filter(HonourHolderKind.class, holder), y)).honours();
    }

    public void write(List<HonourViews.Honour> rows, Locale locale, OutputStream out) {
        String[] headers = {"title", "awardingBody", "level", "awardedOn", "holderKind", "holder"};
        try {
            Workbook workbook = new Workbook(out, "Shouwang", "1.0");
            Worksheet sheet = workbook.newWorksheet("honours");
            for (int c = 0; c < headers.length; c++) {
                sheet.value(0, c, msg(locale, "export.honours." + headers[c]));
                sheet.style(0, c).bold().fillColor("EDEDED").set();
                sheet.width(c, c == 0 || c == 5 ? 36 : 16);
            }
            int r = 1;
            for (HonourViews.Honour h : rows) {
                sheet.value(r, 0, ExportRequests.mask(h.title()));
                sheet.value(r, 1, ExportRequests.mask(h.awardingBody()));
                sheet.value(r, 2, h.level() == null ? "" : msg(locale, "honour.level." + h.level()));
                sheet.value(r, 3, h.awardedOn() == null ? "" : h.awardedOn().toString());
                sheet.value(r, 4, h.holderKind() == null ? "" : msg(locale, "honour.holder." + h.holderKind()));
                sheet.value(r, 5, ExportRequests.mask(h.holderName()));
                r++;
            }
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String msg(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
