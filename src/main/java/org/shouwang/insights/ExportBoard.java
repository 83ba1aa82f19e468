package org.shouwang.insights;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketKpis;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The public board of /board as xlsx: exactly {@link TicketKpis#board} for the page's period (the
 * last 30 days, or with TERM this term) — resolved requests by category and by building and the
 * recent ones, anonymised; psychology, legal and safety cases never appear (the service leaves them out).
 */
@Service
public class ExportBoard {

    private final TicketKpis kpis;
    private final MessageSource messages;

    ExportBoard(TicketKpis kpis, MessageSource messages) {
        this.kpis = kpis;
        this.messages = messages;
    }

    /** The board for this period as the page reads it: TERM, anything else the last 30 days. */
    public TicketKpis.Board board(String period) {
        TicketKpis.Period used = "TERM".equals(period) ? TicketKpis.Period.TERM : TicketKpis.Period.DAYS30;
        LocalDate[] range = kpis.period(used, null, null);
        return kpis.board(range[0], range[1]);
    }

    public void write(TicketKpis.Board board, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        String title = book.text("export.board.title", board.from().toString(), board.to().minusDays(1).toString(), board.resolved());
        XlsxSheet categories = book.bare("export.sheet.boardCategories").title(title);
        categories.header(book.text("export.board.category"), book.text("export.board.resolved")).width(0, 24);
        Arrays.stream(Category.values()).filter(Category::publishable).forEach(c ->
                categories.row(book.text("ticket.category." + c), board.byCategory().getOrDefault(c.name(), 0L)));
        XlsxSheet buildings = book.sheet("export.sheet.boardBuildings", "export.board.", "building", "resolved").width(0, 24);
        for (TicketKpis.BuildingCount b : board.byBuilding()) {
            buildings.row(b.building() == null ? book.text("board.noBuilding") : b.building(), b.resolved());
        }
        XlsxSheet recent = book.sheet("export.sheet.boardRecent", "export.board.", "category", "subcategory", "building",
                "submitted", "hoursToResolve", "satisfaction").width(0, 20).width(2, 20);
        for (TicketKpis.BoardItem i : board.recent()) {
            recent.row(book.text("ticket.category." + i.category()),
                    i.subcategory() == null ? "" : book.text("ticket.subcategory." + i.subcategory()),
                    i.building() == null ? book.text("board.noBuilding") : i.building(), i.submitted(),
                    i.resolutionMinutes() == null ? null : new XlsxSheet.Formatted(i.resolutionMinutes() / 60.0, "0.0"),
                    i.satisfaction() == null ? book.text("board.unrated") : book.text("ticket.satisfaction." + i.satisfaction()));
        }
        book.finish();
    }
}
