package org.shouwang.insights;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.shouwang.identity.AuditLog;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final AuditLog audit;
    private final MessageSource messages;

    ExportStudents(People people, AuditLog audit, MessageSource messages) {
        this.people = people;
        this.audit = audit;
        this.messages = messages;
    }

    /** What /students finds for the viewer, every page, read in one transaction; the export is audited. */
    @Transactional
    public List<StudentSummary> rows(Viewer viewer, String q, Long classId) {
        List<StudentSummary> all = ExportRows.all(BATCH, n -> people.searchStudents(viewer, q, classId, n, BATCH));
        audit.record(viewer, "export.students", "export", null, all.size() + " rows; q=" + q + (classId == null ? "" : "; class " + classId));
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
