package org.shouwang.insights;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

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
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.honours", "export.honours.", "title", "awardingBody", "level", "awardedOn",
                "holderKind", "holder").width(0, 36).width(5, 36);
        for (HonourViews.Honour h : rows) {
            sheet.row(ExportRequests.mask(h.title()), ExportRequests.mask(h.awardingBody()),
                    h.level() == null ? "" : msg(locale, "honour.level." + h.level()), h.awardedOn(),
                    h.holderKind() == null ? "" : msg(locale, "honour.holder." + h.holderKind()), ExportRequests.mask(h.holderName()));
        }
        book.finish();
    }

    private String msg(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
