package org.shouwang.insights;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.shouwang.shared.FormValues;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.AppointmentViews;
import org.shouwang.studios.Appointments;
import org.shouwang.studios.DutyQueries;
import org.shouwang.studios.DutyShift;
import org.shouwang.studios.DutyViews;
import org.shouwang.studios.DutyWeek;
import org.shouwang.studios.ProjectLevel;
import org.shouwang.studios.ProjectStatus;
import org.shouwang.studios.ProjectViews;
import org.shouwang.studios.Projects;
import org.shouwang.studios.StudioType;
import org.shouwang.studios.StudioViews;
import org.shouwang.studios.Studios;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The studio directory of /studios, the project list of /projects and the duty coverage of
 * /duty/coverage and the appointments of /appointments as xlsx: the same service calls with the viewer and the page's filters (unknown
 * filter values are ignored as on the page). Names only; free texts with identifiers masked.
 */
@Service
public class ExportStudios {

    private final Studios studios;
    private final Projects projects;
    private final DutyQueries duty;
    private final Appointments appointments;
    private final MessageSource messages;
    private final Clock clock;

    ExportStudios(Studios studios, Projects projects, DutyQueries duty, Appointments appointments, MessageSource messages,
                  Clock clock) {
        this.appointments = appointments;
        this.studios = studios;
        this.projects = projects;
        this.duty = duty;
        this.messages = messages;
        this.clock = clock;
    }

    // — the studio directory (public, like the page) —

    public List<StudioViews.Summary> studios(String type, String building) {
        return studios.directory(FormValues.filter(StudioType.class, type), FormValues.filterId(building));
    }

    public void writeStudios(List<StudioViews.Summary> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.studios", "export.studios.", "name", "type", "building", "venue", "leader",
                "partner", "services", "openingHours").width(0, 30).width(6, 40);
        for (StudioViews.Summary s : rows) {
            sheet.row(s.name(), book.text("studio.type." + s.type()), s.buildingName(), ExportRequests.mask(s.venue()),
                    s.leaderName(), ExportRequests.mask(s.partner()), ExportRequests.mask(s.services()),
                    ExportRequests.mask(s.openingHours()));
        }
        book.finish();
    }

    // — projects —

    public List<ProjectViews.Row> projects(Viewer viewer, String level, String status, String studio, boolean overdue) {
        return projects.list(viewer, new ProjectViews.Filter(FormValues.filter(ProjectLevel.class, level),
                FormValues.filter(ProjectStatus.class, status), FormValues.filterId(studio), overdue));
    }

    public void writeProjects(List<ProjectViews.Row> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.projects", "export.projects.", "name", "level", "status", "studio", "owner",
                "startsOn", "endsOn", "milestones", "done", "overdue").width(0, 36).width(3, 24);
        for (ProjectViews.Row p : rows) {
            sheet.row(ExportRequests.mask(p.name()), book.text("project.level." + p.level()), book.text("project.status." + p.status()),
                    p.studioName(), p.ownerName(), p.startsOn(), p.endsOn(), p.milestones(), p.done(), p.overdue());
        }
        book.finish();
    }

    // — duty coverage —

    // The coverage of a month (yyyy-MM) or else of a week (as /duty/coverage reads it: this week when unreadable);
    // 404 for whom the page refuses.
    public DutyViews.Coverage coverage(Viewer viewer, String week, String month, String studio) {
        YearMonth ym = month(month);
        LocalDate from;
        LocalDate to;
        if (ym != null) {
            from = ym.atDay(1);
            to = ym.atEndOfMonth();
        } else {
            DutyWeek w;
            try {
                w = week == null || week.isBlank() ? DutyWeek.current(clock) : DutyWeek.parse(week, "week");
            } catch (InvalidInput e) {
                w = DutyWeek.current(clock);
            }
            from = w.monday();
            to = w.sunday();
        }
        return duty.coverage(viewer, from, to, FormValues.filterId(studio));
    }

    public void writeCoverage(DutyViews.Coverage coverage, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        lines(book, "export.coverage.byPerson", coverage, coverage.byPerson());
        lines(book, "export.coverage.byStudio", coverage, coverage.byStudio());
        lines(book, "export.coverage.byBuilding", coverage, coverage.byBuilding());
        book.finish();
    }

    private static void lines(XlsxSheet.Book book, String name, DutyViews.Coverage coverage, List<DutyViews.Line> lines) {
        XlsxSheet sheet = book.bare(name).title(book.text("export.coverage.title", coverage.from().toString(), coverage.to().toString()));
        String[] columns = {"name", "planned", "due", "attended", "late", "missed", "rate"};
        String[] labels = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            labels[c] = book.text("export.coverage." + columns[c]);
        }
        sheet.header(labels).width(0, 24);
        for (DutyViews.Line l : lines) {
            sheet.row(line(l.name(), l));
        }
        sheet.row(line(book.text("export.kpis.total"), coverage.total())).bold(1);
    }

    private static Object[] line(String name, DutyViews.Line l) {
        return new Object[]{name, l.planned(), l.due(), l.attended(), l.late(), l.missed(),
                new XlsxSheet.Formatted(l.rate() == null ? null : l.rate() / 100.0, "0.0%")};
    }

    // — the duty week (/duty/roster): the shifts of the week the viewer keeps, as the page narrows them —

    public DutyViews.Week week(Viewer viewer, String week, String studio, String building) {
        DutyWeek w;
        try {
            w = week == null || week.isBlank() ? DutyWeek.current(clock) : DutyWeek.parse(week, "week");
        } catch (InvalidInput e) {
            w = DutyWeek.current(clock);
        }
        return duty.week(viewer, w, FormValues.filterId(studio), FormValues.filterId(building));
    }

    public void writeWeek(DutyViews.Week week, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.bare("export.sheet.dutyWeek").title(book.text("export.duty.title", week.week()));
        String[] columns = {"date", "start", "end", "person", "studio", "building", "venue", "status", "arrivedAt", "late"};
        String[] labels = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            labels[c] = book.text("export.duty." + columns[c]);
        }
        sheet.header(labels).width(6, 24);
        for (DutyViews.Day day : week.days()) {
            for (DutyShift s : day.shifts()) {
                sheet.row(day.date(), s.start().toLocalTime(), s.end().toLocalTime(), s.person(), s.studio(), s.building(),
                        ExportRequests.mask(s.venue()), book.text("duty.status." + s.status()), s.arrivedAt(), s.late());
            }
        }
        book.finish();
    }

    // — appointments —

    // As /appointments lists them: a student's own; for studio staff and the psychology centre the studios' list
    // (confidential ones for the centre only, as the service decides); 404 for anyone with neither list.
    public List<AppointmentViews.Row> appointments(Viewer viewer) {
        if (viewer.studentId() != null) {
            return appointments.list(viewer, AppointmentViews.Scope.MINE, null, null).rows();
        }
        if (studios.studiosOf(viewer).isEmpty() && !viewer.has(Role.PSYCHOLOGY_CENTRE)) {
            throw new NotFoundException("page", "appointments");
        }
        return appointments.list(viewer, AppointmentViews.Scope.STUDIOS, null, null).rows();
    }

    public void writeAppointments(List<AppointmentViews.Row> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.appointments", "export.appointments.", "studio", "service", "startsAt", "endsAt",
                "place", "staff", "state", "studentNumber", "student").width(0, 24);
        for (AppointmentViews.Row a : rows) {
            sheet.row(a.studioName(), book.text("appointment.service." + a.service()), a.startsAt(), a.endsAt(),
                    ExportRequests.mask(a.place()), a.staffName(), book.text("appointment.state." + a.state()), a.studentNumber(),
                    a.studentName());
        }
        book.finish();
    }

    private static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            YearMonth ym = YearMonth.parse(text.strip());
            return ym.getYear() >= 2000 && ym.getYear() <= 2100 ? ym : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
