package org.shouwang.insights;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.shouwang.activities.ActivityCounts;
import org.shouwang.activities.AttendanceQueries;
import org.shouwang.activities.AttendanceViews;
import org.shouwang.activities.GrowthRecords;
import org.shouwang.activities.GrowthViews;
import org.shouwang.shared.Fields;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The growth record's lists as xlsx, through the activities module's services with the viewer as
 * their pages: the activity counts of /activities/counts for a period, a sheet per breakdown
 * (staff only, aggregate figures); the classes of /growth/classes with their student counts
 * (counsellors and head teachers their own, student affairs and admins one college's); and the
 * late entries (补录) waiting for approval of /activities/late-entries (student affairs, admins),
 * notes masked. 404 exactly where the pages refuse.
 */
@Service
public class ExportGrowth {

    private final ActivityCounts counts;
    private final GrowthRecords records;
    private final AttendanceQueries attendance;
    private final MessageSource messages;

    ExportGrowth(ActivityCounts counts, GrowthRecords records, AttendanceQueries attendance, MessageSource messages) {
        this.counts = counts;
        this.records = records;
        this.attendance = attendance;
        this.messages = messages;
    }

    // The period's counts by every dimension, in the order of the page's choice (from, to: yyyy-MM-dd; without them the
    // current semester); 404 for non-staff, 400 for malformed dates or from after to.
    public List<ActivityCounts.Report> counts(Viewer viewer, String from, String to) {
        counts.requireStaff(viewer);
        Fields fields = new Fields();
        LocalDate start = fields.date(from, "from");
        LocalDate end = fields.date(to, "to");
        fields.check();
        return counts.counts(viewer, start, end, List.of(ActivityCounts.Dimension.values()));
    }

    public void writeCounts(List<ActivityCounts.Report> reports, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        for (ActivityCounts.Report report : reports) {
            XlsxSheet sheet = book.bare("export.sheet.counts." + report.by())
                    .title(book.text("export.counts.period", report.from().toString(), report.to().toString()));
            sheet.header(book.text("export.counts.by." + report.by()), book.text("export.counts.activities"),
                    book.text("export.counts.attendances"), book.text("export.counts.hours")).width(0, 30);
            for (ActivityCounts.Row row : report.rows()) {
                sheet.row(ExportRequests.mask(row.name()), row.activities(), row.attendances(), row.hours());
            }
            sheet.row(book.text("export.counts.total"), report.total().activities(), report.total().attendances(),
                    report.total().hours()).bold(4);
        }
        book.finish();
    }

    /** The classes of /growth/classes (college: for student affairs and admins, as the page's choice); 404 as the page. */
    public List<GrowthViews.ExportableClass> classes(Viewer viewer, Long college) {
        return records.exportableClasses(viewer, college);
    }

    public void writeClasses(List<GrowthViews.ExportableClass> classes, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.growthClasses", "export.growthClasses.", "code", "name", "college",
                "gradeYear", "students").width(1, 24).width(2, 24);
        for (GrowthViews.ExportableClass c : classes) {
            sheet.row(c.code(), c.name(), c.college(), c.gradeYear(), c.students());
        }
        book.finish();
    }

    /** The late entries waiting for a decision, oldest first, as /activities/late-entries lists them; 404 for non-approvers. */
    public List<AttendanceViews.LateEntry> lateEntries(Viewer viewer) {
        return attendance.lateEntries(viewer);
    }

    public void writeLateEntries(List<AttendanceViews.LateEntry> entries, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.lateEntries", "export.lateEntries.", "activity", "activityEnds",
                "studentNumber", "name", "className", "note", "enteredBy", "enteredAt").width(0, 36).width(4, 24).width(5, 48);
        for (AttendanceViews.LateEntry e : entries) {
            sheet.row(ExportRequests.mask(e.activityTitle()), e.activityEndsAt(), e.studentNumber(), e.name(), e.className(),
                    ExportRequests.mask(e.note()), e.enteredBy(), e.enteredAt());
        }
        book.finish();
    }
}
