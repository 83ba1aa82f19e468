package org.shouwang.insights;

import java.io.OutputStream;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The month's hot spots of /insights/hot-spots as xlsx: HotSpots.of with the viewer (404 for whom
 * the page refuses). Places, kinds and request numbers only, never a request's content; a sensitive
 * kind appears only from five requests on, as on the page.
 */
@Service
public class ExportHotSpots {

    private final HotSpots hotSpots;
    private final MessageSource messages;

    ExportHotSpots(HotSpots hotSpots, MessageSource messages) {
        this.hotSpots = hotSpots;
        this.messages = messages;
    }

    /** The month asked for (yyyy-MM, this month when blank; otherwise a field error) and its hot spots. */
    public record Month(YearMonth month, List<HotSpots.HotSpot> spots) {
    }

    public Month month(Viewer viewer, String month) {
        if (!hotSpots.maySee(viewer)) {
            throw new org.shouwang.shared.NotFoundException("page", "insights/hot-spots");
        }
        YearMonth chosen = hotSpots.month(month);
        return new Month(chosen, hotSpots.of(viewer, chosen));
    }

    public void write(Month month, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.bare("export.sheet.hotSpots").title(book.text("export.hotSpots.title", month.month().toString()));
        String[] columns = {"building", "floor", "category", "subcategory", "requests", "numbers", "item", "itemStatus"};
        String[] labels = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            labels[c] = book.text("export.hotSpots." + columns[c]);
        }
        sheet.header(labels).width(5, 40).width(6, 30);
        for (HotSpots.HotSpot s : month.spots()) {
            sheet.row(s.buildingName(), s.floor(), book.text("ticket.category." + s.category()),
                    s.subcategory() == null ? null : book.text("ticket.subcategory." + s.subcategory()), s.count(),
                    s.requests().stream().map(HotSpots.Request::number).collect(Collectors.joining(" ")),
                    s.item() == null ? null : ExportRequests.mask(s.item().title()),
                    s.item() == null ? null : book.text("governance.action.status." + s.item().status()));
        }
        book.finish();
    }
}
