package org.shouwang.insights;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.shouwang.shared.CampusTime;
import org.shouwang.shared.FormValues;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.BookingState;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceKind;
import org.shouwang.spaces.SpaceUsage;
import org.shouwang.spaces.SpaceViews;
import org.shouwang.spaces.Spaces;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The spaces of /spaces, space bookings and the usage report as xlsx: the bookings of the spaces the viewer manages from
 * today on (/spaces/manage; 404 as there), or with {@code mine} the viewer's own (/spaces/bookings);
 * and the usage report of /spaces/usage (404 as there). Bookers by name; purposes masked.
 */
@Service
public class ExportSpaces {

    private final SpaceBookings bookings;
    private final SpaceUsage usage;
    private final Spaces spaces;
    private final MessageSource messages;
    private final Clock clock;

    ExportSpaces(SpaceBookings bookings, SpaceUsage usage, Spaces spaces, MessageSource messages, Clock clock) {
        this.bookings = bookings;
        this.usage = usage;
        this.spaces = spaces;
        this.messages = messages;
        this.clock = clock;
    }

    // — the spaces of /spaces (kind, building filter; unknown values ignored) —

    public List<SpaceViews.Space> spaces(String kind, String building) {
        return spaces.list(FormValues.filter(SpaceKind.class, kind), FormValues.filterId(building));
    }

    public void writeSpaces(List<SpaceViews.Space> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.spaces", "export.spaces.", "name", "kind", "building", "floor", "room", "capacity",
                "equipment", "opensAt", "closesAt", "needsApproval").width(0, 24).width(6, 30);
        for (SpaceViews.Space s : rows) {
            sheet.row(s.name(), book.text("space.kind." + s.kind()), s.buildingName(), s.floor(), s.room(), s.capacity(),
                    ExportRequests.mask(s.equipment()), s.opensAt(), s.closesAt(), s.needsApproval());
        }
        book.finish();
    }

    // The managers' bookings (state filters, an unknown one is ignored) or, with mine, the viewer's own.
    public List<SpaceViews.Booking> bookings(Viewer viewer, boolean mine, String state) {
        if (mine) {
            return bookings.mine(viewer);
        }
        if (!viewer.isAdmin() && !viewer.has(Role.BUILDING_MANAGER) && spaces.managedBy(viewer).isEmpty()) {
            throw new NotFoundException("page", "spaces/manage");
        }
        Instant from = CampusTime.today(clock).atStartOfDay(CampusTime.ZONE).toInstant();
        return bookings.ofManagedSpaces(viewer, FormValues.filter(BookingState.class, state), from);
    }

    public void writeBookings(List<SpaceViews.Booking> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.bookings", "export.bookings.", "space", "startsAt", "endsAt", "booker",
                "organisation", "purpose", "attendees", "state", "checkedInAt").width(0, 24).width(5, 36);
        for (SpaceViews.Booking b : rows) {
            sheet.row(b.spaceName(), b.startsAt(), b.endsAt(), b.bookerName(), b.organisation(), ExportRequests.mask(b.purpose()),
                    b.attendees(), book.text("space.state." + b.state()), b.checkedInAt());
        }
        book.finish();
    }

    // The usage report for these parameters; a malformed date is a field error (400), as is a bad period.
    public SpaceUsage.Report usage(Viewer viewer, String from, String to, String kind, String building) {
        return usage.report(viewer, date(from, "from"), date(to, "to"), FormValues.filter(SpaceKind.class, kind), FormValues.filterId(building));
    }

    public void writeUsage(SpaceUsage.Report report, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        String[] figures = {"bookings", "hoursBooked", "hoursUsed", "checkedIn", "noShows", "excused", "noShowRate"};
        XlsxSheet bySpace = book.bare("export.sheet.usageSpaces")
                .title(book.text("export.usage.title", report.from().toString(), report.to().toString()));
        bySpace.header(labels(book, "space", "kind", "building", "capacity", figures)).width(0, 24);
        for (SpaceUsage.SpaceRow s : report.spaces()) {
            bySpace.row(concat(new Object[]{s.name(), book.text("space.kind." + s.kind()), s.buildingName(), s.capacity()},
                    figures(s.figures())));
        }
        bySpace.row(concat(new Object[]{book.text("export.kpis.total"), null, null, null}, figures(report.total()))).bold(1);
        XlsxSheet byKind = book.bare("export.sheet.usageKinds");
        byKind.header(labels(book, "kind", "spaces", null, null, figures));
        for (SpaceUsage.KindRow k : report.kinds()) {
            byKind.row(concat(new Object[]{book.text("space.kind." + k.kind()), k.spaces()}, figures(k.figures())));
        }
        book.finish();
    }

    private static String[] labels(XlsxSheet.Book book, String a, String b, String c, String d, String[] figures) {
        List<String> out = new java.util.ArrayList<>();
        for (String s : new String[]{a, b, c, d}) {
            if (s != null) {
                out.add(book.text("export.usage." + s));
            }
        }
        for (String f : figures) {
            out.add(book.text("export.usage." + f));
        }
        return out.toArray(String[]::new);
    }

    private static Object[] figures(SpaceUsage.Figures f) {
        return new Object[]{f.bookings(), f.hoursBooked(), f.hoursUsed(), f.checkedIn(), f.noShows(), f.excused(),
                new XlsxSheet.Formatted(f.noShowRate(), "0.0%")};
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = new Object[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static LocalDate date(String value, String field) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new org.shouwang.shared.InvalidInput(field, "export.badDate");
        }
    }
}
