package org.shouwang.insights;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The school's structure as xlsx: colleges with their counts (/colleges), their majors (/colleges/{id}) and the
 * classes of those majors (/majors/{id}), for staff only as the pages (404 for anyone else; with a college only that
 * one, 404 for an unknown one); and the classes the viewer counsels or heads (/classes/mine). Names and counts only.
 */
@Service
public class ExportPeople {

    private final People people;
    private final MessageSource messages;

    ExportPeople(People people, MessageSource messages) {
        this.people = people;
        this.messages = messages;
    }

    /** Colleges, their majors and the majors' classes. */
    public record Colleges(List<Structure.College> colleges, List<Structure.Major> majors, List<Structure.ClassGroup> classes) {
    }

    public Colleges colleges(Viewer viewer, Long collegeId) {
        viewer.requireStaff();
        List<Structure.College> colleges = collegeId == null ? people.colleges() : List.of(people.college(collegeId));
        List<Structure.Major> majors = new ArrayList<>();
        List<Structure.ClassGroup> classes = new ArrayList<>();
        for (Structure.College c : colleges) {
            for (Structure.Major m : people.majors(c.id())) {
                majors.add(m);
                classes.addAll(people.classesOfMajor(m.id()));
            }
        }
        return new Colleges(colleges, majors, classes);
    }

    public void writeColleges(Colleges rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet colleges = book.sheet("export.sheet.colleges", "export.colleges.", "college", "majors", "classes", "students")
                .width(0, 30);
        for (Structure.College c : rows.colleges()) {
            colleges.row(c.name(), c.majors(), c.classes(), c.students());
        }
        XlsxSheet majors = book.sheet("export.sheet.majors", "export.colleges.", "college", "major", "code", "classes", "students")
                .width(0, 30).width(1, 30);
        for (Structure.Major m : rows.majors()) {
            majors.row(m.college(), m.name(), m.code(), m.classes(), m.students());
        }
        classes(book, rows.classes());
        book.finish();
    }

    // — the viewer's own classes (empty for anyone with none, as on the page) —

    public List<Structure.ClassGroup> myClasses(Viewer viewer) {
        return people.classesOf(viewer);
    }

    public void writeClasses(List<Structure.ClassGroup> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        classes(book, rows);
        book.finish();
    }

    private static void classes(XlsxSheet.Book book, List<Structure.ClassGroup> rows) {
        XlsxSheet sheet = book.sheet("export.sheet.classes", "export.colleges.", "className", "gradeYear", "college", "major",
                "counsellor", "headTeacher", "students").width(0, 24).width(2, 30).width(3, 30);
        for (Structure.ClassGroup c : rows) {
            sheet.row(c.name(), c.gradeYear(), c.college(), c.major(), c.counsellor(), c.headTeacher(), c.students());
        }
    }
}
