package org.shouwang.insights;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
        try {
            Workbook workbook = new Workbook(out, "Shouwang", "1.0");
            ranks(workbook.newWorksheet(msg(locale, "export.rankings.floors")), rankings.floors(), locale);
            ranks(workbook.newWorksheet(msg(locale, "export.rankings.buildings")), rankings.buildings(), locale);
            ranks(workbook.newWorksheet(msg(locale, "export.rankings.colleges")), rankings.colleges(), locale);
            Worksheet rooms = workbook.newWorksheet(msg(locale, "export.rankings.rooms"));
            String[] headers = {"building", "floor", "room", "average", "inspections", "civilised", "hazard"};
            header(rooms, headers, locale);
            int r = 1;
            for (InspectionViews.RoomRating room : rankings.rooms()) {
                rooms.value(r, 0, room.building());
                rooms.value(r, 1, room.floor());
                rooms.value(r, 2, room.room());
                rooms.value(r, 3, room.average());
                rooms.style(r, 3).format("0.0").set();
                rooms.value(r, 4, room.inspections());
                rooms.value(r, 5, msg(locale, room.civilised() ? "export.yes" : "export.no"));
                rooms.value(r, 6, msg(locale, room.unresolvedHazard() ? "export.yes" : "export.no"));
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ranks(Worksheet sheet, List<InspectionViews.Rank> ranks, Locale locale) {
        header(sheet, new String[]{"rank", "name", "roomCount", "average", "civilisedCount"}, locale);
        int r = 1;
        for (InspectionViews.Rank rank : ranks) {
            sheet.value(r, 0, rank.rank());
            sheet.value(r, 1, rank.name());
            sheet.value(r, 2, rank.rooms());
            sheet.value(r, 3, rank.average());
            sheet.style(r, 3).format("0.0").set();
            sheet.value(r, 4, rank.civilised());
            r++;
        }
    }

    private void header(Worksheet sheet, String[] headers, Locale locale) {
        for (int c = 0; c < headers.length; c++) {
            sheet.value(0, c, msg(locale, "export.rankings." + headers[c]));
            sheet.style(0, c).bold().fillColor("EDEDED").set();
            sheet.width(c, c == 0 || c == 1 ? 20 : 12);
        }
    }

    private String msg(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
