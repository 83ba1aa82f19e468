package org.shouwang.insights;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.shouwang.community.InspectionAppeals;
import org.shouwang.community.InspectionViews;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpaceAppeals;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Appeals as xlsx: the inspection appeals of /inspections/appeals the viewer may decide (404 as there), the viewer's own
 * space no-shows with their appeals (/spaces/appeals) and the appeals of the spaces the viewer manages
 * (/spaces/appeals/manage; 404 as there). Students by name only; reasons and decisions masked.
 */
@Service
public class ExportAppeals {

    private final InspectionAppeals inspectionAppeals;
    private final SpaceAppeals spaceAppeals;
    private final MessageSource messages;

    ExportAppeals(InspectionAppeals inspectionAppeals, SpaceAppeals spaceAppeals, MessageSource messages) {
        this.inspectionAppeals = inspectionAppeals;
        this.spaceAppeals = spaceAppeals;
        this.messages = messages;
    }

    // — inspection appeals waiting for the viewer's decision —

    public List<InspectionViews.AppealRow> inspection(Viewer viewer) {
        return inspectionAppeals.pending(viewer);
    }

    public void writeInspection(List<InspectionViews.AppealRow> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.inspectionAppeals", "export.inspectionAppeals.", "building", "room", "item",
                "deduction", "student", "reason", "filedAt").width(2, 30).width(5, 40);
        for (InspectionViews.AppealRow a : rows) {
            sheet.row(a.building(), a.room(), a.item(), a.deduction(), a.student(), ExportRequests.mask(a.reason()), a.filedAt());
        }
        book.finish();
    }

    // — the viewer's own no-shows and appeals —

    public List<SpaceAppeals.NoShow> spaceMine(Viewer viewer) {
        return spaceAppeals.myNoShows(viewer);
    }

    public void writeSpaceMine(List<SpaceAppeals.NoShow> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.spaceNoShows", "export.spaceAppeals.", "space", "startsAt", "endsAt", "excused",
                "appealState", "reason", "decision").width(0, 24).width(5, 40).width(6, 40);
        for (SpaceAppeals.NoShow n : rows) {
            SpaceAppeals.Appeal a = n.appeal();
            sheet.row(n.spaceName(), n.startsAt(), n.endsAt(), n.excused(),
                    a == null ? null : book.text("spaceAppeal.state." + a.state()), a == null ? null : ExportRequests.mask(a.reason()),
                    a == null ? null : ExportRequests.mask(a.decision()));
        }
        book.finish();
    }

    // — the appeals of the spaces the viewer manages (404 for anyone managing none, as the page) —

    public List<SpaceAppeals.Appeal> spaceToDecide(Viewer viewer) {
        if (!spaceAppeals.managesAny(viewer)) {
            throw new NotFoundException("page", "spaces/appeals/manage");
        }
        return spaceAppeals.toDecide(viewer);
    }

    public void writeSpaceToDecide(List<SpaceAppeals.Appeal> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.spaceAppeals", "export.spaceAppeals.", "space", "booker", "startsAt", "endsAt",
                "reason", "appealState", "decision", "filedAt", "decidedAt").width(0, 24).width(4, 40).width(6, 40);
        for (SpaceAppeals.Appeal a : rows) {
            sheet.row(a.spaceName(), a.bookerName(), a.startsAt(), a.endsAt(), ExportRequests.mask(a.reason()),
                    book.text("spaceAppeal.state." + a.state()), ExportRequests.mask(a.decision()), a.createdAt(), a.decidedAt());
        }
        book.finish();
    }
}
