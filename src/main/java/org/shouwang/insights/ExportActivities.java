package org.shouwang.insights;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.shouwang.activities.ActivityQueries;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.ActivityViews;
import org.shouwang.activities.FiveEducation;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The organisers' and approvers' activity lists of /activities as xlsx: the activities the
 * viewer organises (staff) or, for admins and student affairs, those waiting for approval; the
 * same ActivityQueries list with the viewer. Anyone else gets 404. Activities hold no personal
 * identifiers; the list of registrations is not exported here.
 */
@Service
public class ExportActivities {

    private static final int CHUNK = 200;

    private final ActivityQueries queries;
    private final MessageSource messages;

    ExportActivities(ActivityQueries queries, MessageSource messages) {
        this.queries = queries;
        this.messages = messages;
    }

    // The filter of these parameters: scope ORGANISED (default) or PENDING; 404 for a scope the viewer lacks,
    // field errors (400) for malformed values.
    public ActivityViews.Filter filter(Viewer viewer, String scope, String education, String type, String series,
                                       String brand, String from, String to, String q) {
        List<ActivityViews.Scope> scopes = new ArrayList<>();
        if (viewer.isStaff()) {
            scopes.add(ActivityViews.Scope.ORGANISED);
        }
        if (viewer.isAdmin() || viewer.has(Role.STUDENT_AFFAIRS)) {
            scopes.add(ActivityViews.Scope.PENDING);
        }
        ActivityViews.Scope chosen = scopes.stream()
                .filter(s -> scope == null || scope.isBlank() ? true : s.name().equals(scope)).findFirst()
                .orElseThrow(() -> new NotFoundException("export", "activities"));
        Fields fields = new Fields();
        FiveEducation e = fields.choice(FiveEducation.class, education, "education");
        ActivityType t = fields.choice(ActivityType.class, type, "type");
        LocalDate start = fields.date(from, "from");
        LocalDate end = fields.date(to, "to");
        fields.text(series, "series", 100, false);
        fields.text(brand, "brand", 100, false);
        fields.text(q, "q", 50, false);
        fields.check();
        return new ActivityViews.Filter(chosen, e, t, blank(series), blank(brand), start, end, false, blank(q));
    }

    public List<ActivityViews.Row> rows(Viewer viewer, ActivityViews.Filter filter) {
        return ExportRows.all(CHUNK, page -> queries.list(viewer, filter, page, CHUNK));
    }

    public void write(List<ActivityViews.Row> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.activities", "export.activities.", "title", "type", "series", "educations",
                "organiser", "venue", "starts", "ends", "capacity", "taken", "waiting", "state", "hours").width(0, 36);
        for (ActivityViews.Row row : rows) {
            sheet.row(row.title(), msg(locale, "activity.type." + row.type()), row.series() == null ? "" : row.series(),
                    row.educations().stream().sorted().map(x -> msg(locale, "activity.education." + x)).collect(Collectors.joining("、")),
                    ExportRequests.mask(row.organiser()), ExportRequests.mask(row.venue()), row.startsAt(), row.endsAt(),
                    row.capacity(), row.taken(), row.waiting(), msg(locale, "activity.state." + row.state()), row.hours());
        }
        book.finish();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String msg(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
