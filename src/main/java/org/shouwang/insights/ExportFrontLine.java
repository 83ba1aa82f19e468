package org.shouwang.insights;

import java.io.OutputStream;
import java.util.Locale;

import org.shouwang.activities.FrontLine;
import org.shouwang.activities.FrontLineViews;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The leaders' front line (一线规则) as xlsx, through {@link FrontLine} with the viewer as its pages:
 * the year's summary of /front-line (every leader for student affairs and admins; a leader their
 * own, with their activities), one leader's record of /front-line/leaders/{id}, and the issues raised
 * at an activity (/activities/{id}/issues) — request numbers, categories and states; who raised an
 * issue and a summary only where the page shows them to the viewer, never a psychology request's
 * content, identifiers masked. 404 exactly where the pages refuse.
 */
@Service
public class ExportFrontLine {

    private final FrontLine frontLine;
    private final MessageSource messages;

    ExportFrontLine(FrontLine frontLine, MessageSource messages) {
        this.frontLine = frontLine;
        this.messages = messages;
    }

    /** What /front-line shows: the leaders' summaries and, for a leader, their own record (null for the others). */
    public record Summary(FrontLineViews.Summary summary, FrontLineViews.LeaderRecord record) {
    }

    /** The year's front line (year: this year when blank); 404 for whom the page refuses, 400 for a year that is not one. */
    public Summary summary(Viewer viewer, String year) {
        if (!FrontLine.maySeeFrontLine(viewer)) {
            throw new NotFoundException("page", "front-line");
        }
        int chosen = year(year);
        FrontLineViews.Summary summary = frontLine.summary(viewer, chosen);
        return new Summary(summary, summary.maySetTargets() ? null : frontLine.record(viewer, viewer.accountId(), chosen));
    }

    /** One leader's record of a year: the leader themself, student affairs and admins; anyone else 404. */
    public FrontLineViews.LeaderRecord record(Viewer viewer, long leaderAccountId, String year) {
        if (!FrontLine.maySetTargets(viewer) && viewer.accountId() != leaderAccountId) {
            throw new NotFoundException("leader", leaderAccountId);
        }
        return frontLine.record(viewer, leaderAccountId, year(year));
    }

    /** The issues of a front-line activity: its organisers and its leader; anyone else 404. */
    public FrontLineViews.Issues issues(Viewer viewer, long activityId) {
        return frontLine.issues(viewer, activityId);
    }

    public void writeSummary(Summary s, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet leaders = book.sheet("export.sheet.frontLine", "export.frontLine.", "leader", "year", "target", "held",
                "upcoming", "total", "heldPercent", "reached", "issuesRaised", "issuesClosed").width(0, 20);
        for (FrontLineViews.LeaderSummary l : s.summary().leaders()) {
            leaders.row(l.leader(), l.year(), l.target(), l.held(), l.upcoming(), l.total(),
                    l.heldPercent() == null ? null : new XlsxSheet.Formatted(l.heldPercent() / 100.0, "0%"),
                    l.target() == null ? null : l.reached(), l.issuesRaised(), l.issuesClosed());
        }
        XlsxSheet types = book.sheet("export.sheet.frontLineTypes", "export.frontLine.", "leader", "type", "held", "upcoming")
                .width(0, 20).width(1, 20);
        for (FrontLineViews.LeaderSummary l : s.summary().leaders()) {
            for (FrontLineViews.TypeCount t : l.byType()) {
                types.row(l.leader(), book.text("activity.type." + t.type()), t.held(), t.upcoming());
            }
        }
        if (s.record() != null) {
            activities(book, s.record());
        }
        book.finish();
    }

    public void writeRecord(FrontLineViews.LeaderRecord record, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        activities(book, record);
        book.finish();
    }

    public void writeIssues(FrontLineViews.Issues issues, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.bare("export.sheet.frontLineIssues").title(ExportRequests.mask(issues.title()));
        String[] columns = {"number", "category", "state", "ended", "submitted", "student", "studentNumber", "summary"};
        String[] labels = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            labels[c] = book.text("export.frontLine.issue." + columns[c]);
        }
        sheet.header(labels).width(0, 20).width(7, 60);
        for (FrontLineViews.Issue i : issues.issues()) {
            String category = i.category() == null ? book.text("export.frontLine.issue.confidential")
                    : book.text("ticket.category." + i.category());
            // Who raised it and what it says only where the page shows them; psychology content never.
            boolean withheld = i.category() == null || i.category().confidential();
            String summary = !i.readable() ? "" : withheld ? book.text("export.requests.withheld") : ExportRequests.mask(i.summary());
            sheet.row(i.number(), category, book.text("ticket.state." + i.state()), i.ended(), i.submittedAt(),
                    i.readable() ? i.student() : null, i.readable() ? i.studentNumber() : null, summary);
        }
        book.finish();
    }

    private static void activities(XlsxSheet.Book book, FrontLineViews.LeaderRecord record) {
        FrontLineViews.LeaderSummary s = record.summary();
        XlsxSheet sheet = book.bare("export.sheet.frontLineActivities")
                .title(book.text("export.frontLine.recordTitle", s.leader(), String.valueOf(s.year())));
        String[] columns = {"title", "type", "venue", "starts", "ends", "held", "capacity", "registered", "attended",
                "issuesRaised", "issuesClosed", "digestSent"};
        String[] labels = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            labels[c] = book.text("export.frontLine.activity." + columns[c]);
        }
        sheet.header(labels).width(0, 36).width(2, 24);
        for (FrontLineViews.ActivityRow a : record.activities()) {
            sheet.row(ExportRequests.mask(a.title()), book.text("activity.type." + a.type()), ExportRequests.mask(a.venue()),
                    a.startsAt(), a.endsAt(), a.held(), a.capacity(), a.registered(), a.attended(), a.issuesRaised(),
                    a.issuesClosed(), a.digestSent());
        }
    }

    private int year(String year) {
        if (year == null || year.isBlank()) {
            return frontLine.currentYear();
        }
        try {
            return Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("year", "frontline.yearRange", "2000", "2100");
        }
    }
}
