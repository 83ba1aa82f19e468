package org.shouwang.insights;

import java.io.OutputStream;
import java.util.Locale;

import org.shouwang.activities.AttendanceQueries;
import org.shouwang.activities.AttendanceViews;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * An activity's attendance list (/activities/{id}/attendance) as xlsx: the organiser's sheet from
 * AttendanceQueries.sheet with the viewer (404 for whom the page refuses): who came, who waits for a
 * late entry's approval, whose entry was refused, and the no-shows. No notes, ratings or appeals.
 */
@Service
public class ExportAttendance {

    private final AttendanceQueries queries;
    private final MessageSource messages;

    ExportAttendance(AttendanceQueries queries, MessageSource messages) {
        this.queries = queries;
        this.messages = messages;
    }

    public AttendanceViews.AttendanceSheet sheet(Viewer viewer, long activityId) {
        return queries.sheet(viewer, activityId);
    }

    public void write(AttendanceViews.AttendanceSheet s, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.bare("export.sheet.attendance").title(ExportRequests.mask(s.title()));
        String[] columns = {"studentNumber", "name", "className", "state", "method", "checkedInAt", "checkedOutAt", "hours",
                "credits", "registered"};
        String[] labels = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            labels[c] = book.text("export.attendance." + columns[c]);
        }
        sheet.header(labels).width(2, 24);
        for (var list : java.util.List.of(s.present(), s.pending(), s.refused())) {
            for (AttendanceViews.Attendee a : list) {
                sheet.row(a.studentNumber(), a.name(), a.className(), book.text("attendanceSheet.state." + a.state()),
                        a.method() == null ? null : book.text("attendanceSheet.method." + a.method()), a.checkedInAt(),
                        a.checkedOutAt(), a.hours(), a.credits(), a.registered());
            }
        }
        String absent = book.text(s.over() ? "export.attendance.noShow" : "export.attendance.notYetIn");
        for (AttendanceViews.NoShow n : s.noShows()) {
            sheet.row(n.studentNumber(), n.name(), n.className(), absent, null, null, null, null, null, true);
        }
        book.finish();
    }
}
