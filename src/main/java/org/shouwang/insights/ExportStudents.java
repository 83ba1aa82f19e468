package org.shouwang.insights;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.Page;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The student list of /students as xlsx: every match of People.searchStudents for the viewer (their
 * scope: a counsellor their classes, a building manager their residents…), all pages, with the
 * page's search; student number, name, gender and class only — no personal identifiers.
 */
@Service
public class ExportStudents {

    /** Students read per query while the list is gathered. */
    static final int BATCH = 500;

    private final People people;
    private final MessageSource messages;

    ExportStudents(People people, MessageSource messages) {
        this.people = people;
        this.messages = messages;
    }

    public List<StudentSummary> rows(Viewer viewer, String q, Long classId) {
        List<StudentSummary> all = new ArrayList<>();
        Page<StudentSummary> page;
        int n = 0;
        do {
            page = people.searchStudents(viewer, q, classId, n++, BATCH);
            all.addAll(page.items());
        } while (n < page.pages());
        return all;
    }

    public void write(List<StudentSummary> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.students", "export.students.", "studentNumber", "name", "gender", "className")
                .width(0, 16).width(3, 24);
        for (StudentSummary s : rows) {
            sheet.row(s.studentNumber(), s.name(), s.gender() == null ? "" : messages.getMessage("gender." + s.gender(), null,
                    s.gender().name(), locale), s.className());
        }
        book.finish();
    }
}
