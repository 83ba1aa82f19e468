package org.shouwang.insights;

import java.io.OutputStream;
import java.util.Locale;
import java.util.stream.Collectors;

import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The tables of the counsellor's and the building dashboards as xlsx, from the same dashboard call as the page (so the
 * same scope and the same small-group rule): per class, the students without an activity and the five-education
 * participation; per floor and room, and the sensitive categories over the area ("&lt;5" below five).
 */
@Service
public class ExportDashboards {

    private final ClassesDashboard classes;
    private final BuildingDashboard buildings;
    private final MessageSource messages;

    ExportDashboards(ClassesDashboard classes, BuildingDashboard buildings, MessageSource messages) {
        this.classes = classes;
        this.buildings = buildings;
        this.messages = messages;
    }

    public ClassesDashboard.Dashboard classes(Viewer viewer, String semester) {
        return classes.dashboard(viewer, semester);
    }

    public void writeClasses(ClassesDashboard.Dashboard d, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet perClass = book.sheet("export.sheet.classes", "export.classes.", "class", "students", "open", "overdue",
                "byCategory", "withoutActivity").width(0, 24).width(4, 40);
        for (ClassesDashboard.ClassFigures c : d.classes()) {
            perClass.row(c.name(), c.students(), c.open(), c.overdue(), categories(book, c), c.withoutActivity());
        }
        ClassesDashboard.ClassFigures t = d.total();
        perClass.row(book.text("export.kpis.total"), t.students(), t.open(), t.overdue(), categories(book, t), t.withoutActivity())
                .bold(1);
        XlsxSheet idle = book.sheet("export.sheet.idleStudents", "export.classes.", "studentNumber", "name", "class")
                .width(2, 24);
        for (ClassesDashboard.IdleStudent s : d.withoutActivity()) {
            idle.row(s.studentNumber(), s.name(), s.className());
        }
        XlsxSheet education = book.sheet("export.sheet.educations", "export.classes.", "education", "participants",
                "attendances");
        for (ClassesDashboard.Participation p : t.byEducation()) {
            education.row(book.text("activity.education." + p.education()), p.students(), p.attendances());
        }
        book.finish();
    }

    private static String categories(XlsxSheet.Book book, ClassesDashboard.ClassFigures c) {
        return c.byCategory().stream()
                .map(x -> book.text("ticket.category." + x.category()) + " "
                        + (x.suppressed() ? book.text("insights.classes.fewer") : String.valueOf(x.open())))
                .collect(Collectors.joining("、"));
    }

    public BuildingDashboard.Dashboard building(Viewer viewer, Long building, String month) {
        return buildings.dashboard(viewer, building, buildings.month(month));
    }

    public void writeBuilding(BuildingDashboard.Dashboard d, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet rooms = book.bare("export.sheet.rooms").title(book.text("export.building.title", d.building(), d.month().toString()));
        rooms.header(book.text("export.building.floor"), book.text("export.building.room"), book.text("export.building.requests"),
                book.text("export.building.score"));
        for (BuildingDashboard.FloorRow f : d.floors()) {
            for (BuildingDashboard.RoomCell r : f.rooms()) {
                rooms.row(f.floor(), r.room(), r.requests(), r.score());
            }
        }
        XlsxSheet sensitive = book.sheet("export.sheet.sensitive", "export.building.", "category", "requests");
        for (BuildingDashboard.Sensitive s : d.sensitive()) {
            sensitive.row(book.text("ticket.category." + s.category()),
                    s.suppressed() ? book.text("insights.classes.fewer") : s.requests());
        }
        book.finish();
    }
}
