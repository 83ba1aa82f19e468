package org.shouwang.insights;

import java.io.OutputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.shouwang.community.DormRatings;
import org.shouwang.community.InspectionViews;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The month's civilised-dorm ratings of /inspections/rankings as xlsx: DormRatings.month with the
 * viewer (narrowed to what they may see; 404 for whom the page refuses). Sheets: floors,
 * buildings, colleges, rooms. Rooms only, never names or identifiers.
 */
@Service
public class ExportRankings {

    private final DormRatings ratings;
    private final MessageSource messages;
    private final Clock clock;

    ExportRankings(DormRatings ratings, MessageSource messages, Clock clock) {
        this.ratings = ratings;
        this.messages = messages;
        this.clock = clock;
    }

    public InspectionViews.Rankings rankings(Viewer viewer, String month) {
        YearMonth chosen = YearMonth.from(CampusTime.today(clock));
        if (month != null && !month.isBlank()) {
            try {
                chosen = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInput("month", "export.badMonth");
            }
        }
        return ratings.month(viewer, chosen);
    }

    public void write(InspectionViews.Rankings rankings, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        ranks(book, "export.rankings.floors", rankings.floors());
        ranks(book, "export.rankings.buildings", rankings.buildings());
        ranks(book, "export.rankings.colleges", rankings.colleges());
        XlsxSheet rooms = book.sheet("export.rankings.rooms", "export.rankings.", "building", "floor", "room", "average",
                "inspections", "civilised", "hazard").width(0, 20);
        for (InspectionViews.RoomRating room : rankings.rooms()) {
            rooms.row(room.building(), room.floor(), room.room(), new XlsxSheet.Formatted(room.average(), "0.0"),
                    room.inspections(), room.civilised(), room.unresolvedHazard());
        }
        book.finish();
    }

    private static void ranks(XlsxSheet.Book book, String name, List<InspectionViews.Rank> ranks) {
        XlsxSheet sheet = book.sheet(name, "export.rankings.", "rank", "name", "roomCount", "average", "civilisedCount")
                .width(1, 20);
        for (InspectionViews.Rank rank : ranks) {
            sheet.row(rank.rank(), rank.name(), rank.rooms(), new XlsxSheet.Formatted(rank.average(), "0.0"), rank.civilised());
        }
    }

    private String msg(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
