package org.shouwang.insights;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.shouwang.community.IncidentCategory;
import org.shouwang.community.IncidentFilter;
import org.shouwang.community.IncidentStatus;
import org.shouwang.community.IncidentViews;
import org.shouwang.community.InspectionViews;
import org.shouwang.community.Inspections;
import org.shouwang.community.OrganisationViews;
import org.shouwang.community.Organisations;
import org.shouwang.community.Rectifications;
import org.shouwang.community.SafetyLog;
import org.shouwang.shared.FormValues;
import org.shouwang.shared.Page;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Student organisations with their members (/organisations and each organisation's page), the
 * safety log (/safety), an inspection round's results (/inspections/rounds/{id}) and open
 * rectifications (/inspections/rectifications) as xlsx: the same service calls with the viewer. Members as the organisation
 * page shows them to the viewer (student numbers and past members for staff only); incidents only
 * those the viewer may see (404 for students, as on the page), without people or texts.
 */
@Service
public class ExportCommunity {

    private static final int CHUNK = 100;

    private final Organisations organisations;
    private final SafetyLog safety;
    private final Rectifications rectifications;
    private final Inspections inspections;
    private final MessageSource messages;

    ExportCommunity(Organisations organisations, SafetyLog safety, Rectifications rectifications, Inspections inspections,
                    MessageSource messages) {
        this.inspections = inspections;
        this.rectifications = rectifications;
        this.organisations = organisations;
        this.safety = safety;
        this.messages = messages;
    }

    /** One organisation's page and its members, as the viewer may see them. */
    public record Organisation(OrganisationViews.Summary summary, OrganisationViews.Detail detail) {
    }

    // The directory's organisations with each one's page for this viewer; with an id only that one (404 as its page).
    public List<Organisation> organisations(Viewer viewer, Long id) {
        List<Organisation> all = new ArrayList<>();
        for (OrganisationViews.Summary s : organisations.list()) {
            if (id == null || s.id() == id) {
                all.add(new Organisation(s, organisations.detail(viewer, s.id())));
            }
        }
        if (id != null && all.isEmpty()) {
            OrganisationViews.Detail d = organisations.detail(viewer, id);
            all.add(new Organisation(new OrganisationViews.Summary(d.id(), d.name(), d.kind(), d.advisorName(),
                    d.members().size()), d));
        }
        return all;
    }

    public void writeOrganisations(List<Organisation> rows, Viewer viewer, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet list = book.sheet("export.sheet.organisations", "export.organisations.", "name", "kind", "advisor", "members")
                .width(0, 30);
        for (Organisation o : rows) {
            list.row(o.summary().name(), book.text("organisation.kind." + o.summary().kind()), o.summary().advisorName(),
                    o.detail().members().size());
        }
        XlsxSheet members = book.sheet("export.sheet.members", "export.organisations.", "organisation", "member", "studentNumber",
                "position", "termStart", "termEnd").width(0, 30);
        for (Organisation o : rows) {
            for (OrganisationViews.Member m : o.detail().members()) {
                members.row(o.detail().name(), m.name(), m.studentNumber(), book.text("organisation.position." + m.position()),
                        m.termStart(), m.termEnd());
            }
            for (OrganisationViews.Member m : o.detail().pastMembers()) {
                members.row(o.detail().name(), m.name(), m.studentNumber(), book.text("organisation.position." + m.position()),
                        m.termStart(), m.termEnd());
            }
        }
        book.finish();
    }

    // — the safety log —

    /** The filter of /safety for these parameters: unknown or malformed values are ignored, as on the page. */
    public static IncidentFilter incidentFilter(String category, String status, String building, String from, String to) {
        return new IncidentFilter(FormValues.filter(IncidentCategory.class, category), FormValues.filter(IncidentStatus.class, status),
                FormValues.filterId(building), date(from), date(to));
    }

    // Every incident of the log the viewer may see, most recent first (the page's order); 404 for students.
    public List<IncidentViews.Summary> incidents(Viewer viewer, IncidentFilter filter) {
        return ExportRows.all(CHUNK, page -> {
            IncidentViews.Log log = safety.log(viewer, filter, page, CHUNK);
            return new Page<>(log.items(), page, CHUNK, log.total());
        });
    }

    public void writeIncidents(List<IncidentViews.Summary> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.incidents", "export.incidents.", "number", "category", "occurredAt", "building",
                "place", "status", "actions").width(4, 30);
        for (IncidentViews.Summary i : rows) {
            sheet.row(i.number(), book.text("safety.category." + i.category()),
                    i.occurredAt() == null ? null : i.occurredAt().toInstant(), i.buildingName(), ExportRequests.mask(i.place()),
                    book.text("safety.status." + i.status()), i.actions());
        }
        book.finish();
    }

    // — one inspection round's rooms and scores (404 for whom the round's page refuses) —

    public InspectionViews.Round round(Viewer viewer, long id) {
        return inspections.round(viewer, id);
    }

    public void writeRound(InspectionViews.Round round, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.bare("export.sheet.round")
                .title(book.text("export.round.title", round.building(), round.heldOn().toString(), round.inspector()));
        String[] columns = {"floor", "room", "score", "defects"};
        String[] labels = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            labels[c] = book.text("export.round." + columns[c]);
        }
        sheet.header(labels);
        for (InspectionViews.RoundRoom r : round.rooms()) {
            sheet.row(r.floor(), r.number(), r.score(), r.inspectionId() == null ? null : r.defects());
        }
        book.finish();
    }

    // — open rectifications (rooms only) —

    public List<InspectionViews.RectificationRow> rectifications(Viewer viewer, boolean overdue) {
        return rectifications.open(viewer, overdue);
    }

    public void writeRectifications(List<InspectionViews.RectificationRow> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.rectifications", "export.rectifications.", "building", "floor", "room", "heldOn",
                "dueOn", "failedChecks", "overdue");
        for (InspectionViews.RectificationRow r : rows) {
            sheet.row(r.building(), r.floor(), r.room(), r.heldOn(), r.dueOn(), r.failedChecks(), r.overdue());
        }
        book.finish();
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
