package org.shouwang.insights;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.shouwang.governance.ActionItems;
import org.shouwang.governance.DocumentKind;
import org.shouwang.governance.DocumentViews;
import org.shouwang.governance.Documents;
import org.shouwang.governance.GovernanceViews;
import org.shouwang.governance.GoverningBodies;
import org.shouwang.governance.Meetings;
import org.shouwang.shared.FormValues;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Action items (/governance/actions: all of them for those who read governance, else their
 * department's; 404 for anyone else), the year's meetings (/governance) and the documents list
 * (/documents, titles only) as xlsx, from the same
 * service calls. Minutes and progress notes are not exported; texts are masked.
 */
@Service
public class ExportGovernance {

    private final ActionItems actions;
    private final Meetings meetings;
    private final GoverningBodies bodies;
    private final Documents documents;
    private final MessageSource messages;

    ExportGovernance(ActionItems actions, Meetings meetings, GoverningBodies bodies, Documents documents, MessageSource messages) {
        this.documents = documents;
        this.actions = actions;
        this.meetings = meetings;
        this.bodies = bodies;
        this.messages = messages;
    }

    /** As the page: with {@code mine} (or for those who may not read governance) the department's items. */
    public List<GovernanceViews.ActionItem> actions(Viewer viewer, boolean mine) {
        return actions.list(viewer, mine || !bodies.mayRead(viewer));
    }

    public void writeActions(List<GovernanceViews.ActionItem> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.actions", "export.actions.", "decision", "meeting", "meetingDay", "department",
                "deadline", "status", "overdue", "closedAt", "completionNote").width(0, 40).width(1, 30).width(8, 40);
        for (GovernanceViews.ActionItem a : rows) {
            sheet.row(ExportRequests.mask(a.decision()), a.meetingTitle() != null ? a.meetingTitle() : a.source(), a.meetingDay(),
                    a.departmentName(), a.deadline(), book.text("governance.action.status." + a.status()), a.overdue(), a.closedAt(),
                    ExportRequests.mask(a.completionNote()));
        }
        book.finish();
    }

    // The year's meetings as /governance lists them (this year without a readable year between 2000 and 2100).
    public GovernanceViews.Overview meetings(Viewer viewer, String year) {
        Integer y;
        try {
            y = year == null || year.isBlank() ? null : Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            y = null;
        }
        if (y != null && (y < 2000 || y > 2100)) {
            y = null;
        }
        return meetings.overview(viewer, y);
    }

    public void writeMeetings(GovernanceViews.Overview overview, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.meetings", "export.meetings.", "heldAt", "body", "kind", "title", "place",
                "finished", "decisions", "decisionsDone").width(1, 24).width(3, 36);
        for (GovernanceViews.MeetingRow m : overview.meetings()) {
            sheet.row(m.heldAt(), m.bodyName(), book.text("governance.meeting.kind." + m.kind()), ExportRequests.mask(m.title()),
                    ExportRequests.mask(m.place()), m.finished(), m.decisions(), m.decisionsDone());
        }
        book.finish();
    }

    // — documents: the list the viewer may read (kind filters, an unknown one is ignored) —

    public List<DocumentViews.Row> documents(Viewer viewer, String kind) {
        return documents.list(viewer, FormValues.filter(DocumentKind.class, kind)).documents();
    }

    public void writeDocuments(List<DocumentViews.Row> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.documents", "export.documents.", "title", "kind", "department", "version",
                "publishedOn").width(0, 40).width(2, 24);
        for (DocumentViews.Row d : rows) {
            sheet.row(ExportRequests.mask(d.title()), book.text("document.kind." + d.kind()), d.department(), d.latestVersion(),
                    d.publishedOn());
        }
        book.finish();
    }
}
