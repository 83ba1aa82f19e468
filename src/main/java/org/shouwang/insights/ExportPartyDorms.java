package org.shouwang.insights;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.shouwang.activities.ActivityViews;
import org.shouwang.party.BranchActivities;
import org.shouwang.party.PartyDorms;
import org.shouwang.party.PartyOrganisationKind;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.PartyViews;
import org.shouwang.party.ResponsibilityZones;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.TicketQueries;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Party-member dorms of a branch the viewer manages (/party/dorms, the same branch chosen as there; 404 for anyone
 * managing none), responsibility zones of a branch (/party/{id}/zones, its managers only) or the viewer's own
 * (/party/zone), and a branch's activities of a year (/party/{id}/activities) with the members' attendance only
 * where the page shows it (never political status, which that page does not show). Counts, names and student
 * numbers only; notes masked.
 */
@Service
public class ExportPartyDorms {

    private final PartyDorms dorms;
    private final PartyOrganisations organisations;
    private final ResponsibilityZones zones;
    private final BranchActivities activities;
    private final MessageSource messages;

    ExportPartyDorms(PartyDorms dorms, PartyOrganisations organisations, ResponsibilityZones zones,
                     BranchActivities activities, MessageSource messages) {
        this.dorms = dorms;
        this.organisations = organisations;
        this.zones = zones;
        this.activities = activities;
        this.messages = messages;
    }

    // — the rooms where a branch's members live, marked or not —

    /** A branch's rooms as /party/dorms shows them. */
    public record Dorms(String organisation, List<PartyDorms.Candidate> rooms) {
    }

    // The organisation chosen as on the page: the asked one if managed, else the first managed branch, else the first.
    public Dorms dorms(Viewer viewer, String org) {
        Set<Long> ids = organisations.managedBy(viewer);
        List<PartyViews.Node> managed = organisations.tree().stream().filter(n -> ids.contains(n.id())).toList();
        if (managed.isEmpty()) {
            throw new NotFoundException("page", "party/dorms");
        }
        PartyViews.Node chosen = managed.stream().filter(n -> org != null && String.valueOf(n.id()).equals(org.strip())).findFirst()
                .or(() -> managed.stream().filter(n -> n.kind() == PartyOrganisationKind.BRANCH).findFirst())
                .orElse(managed.get(0));
        return new Dorms(chosen.name(), dorms.candidates(viewer, chosen.id()));
    }

    public void writeDorms(Dorms shown, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.partyDorms", "export.partyDorms.", "organisation", "building", "floor", "room",
                "marked", "members").width(0, 30).width(5, 40);
        for (PartyDorms.Candidate r : shown.rooms()) {
            sheet.row(shown.organisation(), r.building(), r.floor(), r.room(), r.marked(), String.join("、", r.members()));
        }
        book.finish();
    }

    // — responsibility zones: a branch's (its managers) or, without one, the viewer's own —

    public List<ResponsibilityZones.Zone> zones(Viewer viewer, Long organisationId) {
        return organisationId == null ? zones.mine(viewer) : zones.zones(viewer, organisationId);
    }

    public void writeZones(List<ResponsibilityZones.Zone> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet list = book.sheet("export.sheet.zones", "export.zones.", "organisation", "member", "building", "floors", "rooms",
                "note", "open", "overdue", "resolvedThisMonth", "inspections", "averageScore", "openRectifications")
                .width(0, 30).width(5, 30);
        for (ResponsibilityZones.Zone z : rows) {
            ResponsibilityZones.Figures f = z.figures();
            list.row(z.organisation(), z.member(), z.building(),
                    z.floors().stream().map(String::valueOf).collect(Collectors.joining(", ")), String.join(", ", z.rooms()),
                    ExportRequests.mask(z.note()), f.open(), f.overdue(), f.resolvedThisMonth(), f.inspections().inspections(),
                    f.inspections().averageScore() == null ? null : new XlsxSheet.Formatted(f.inspections().averageScore(), "0.0"),
                    f.inspections().roomsWithOpenRectification());
        }
        XlsxSheet requests = book.sheet("export.sheet.zoneRequests", "export.zones.", "member", "building", "floors", "category",
                "open", "overdue", "resolvedThisMonth");
        for (ResponsibilityZones.Zone z : rows) {
            for (TicketQueries.AreaCount c : z.figures().requests()) {
                requests.row(z.member(), z.building(), z.floors().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                        book.text("ticket.category." + c.category()), c.open(), c.overdue(), c.resolvedSince());
            }
        }
        book.finish();
    }

    // — a branch's activities of a year —

    // The year as on the page: four digits, else this year; 404 for no such organisation.
    public BranchActivities.BranchYear activities(Viewer viewer, long organisationId, String year) {
        int chosen = year != null && year.strip().matches("\\d{4}") ? Integer.parseInt(year.strip()) : activities.currentYear();
        return activities.year(viewer, organisationId, chosen);
    }

    public void writeActivities(BranchActivities.BranchYear branch, Viewer viewer, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet list = book.sheet("export.sheet.branchActivities", "export.branchActivities.", "title", "type", "startsAt", "venue",
                "taken", "capacity", "state").width(0, 36).width(3, 24);
        for (ActivityViews.Row a : branch.activities()) {
            list.row(a.title(), book.text("activity.type." + a.type()), a.startsAt(), a.venue(), a.taken(), a.capacity(),
                    book.text("activity.state." + a.state()));
        }
        XlsxSheet counts = book.sheet("export.sheet.branchCounts", "export.branchActivities.", "type", "held");
        for (Map.Entry<?, Integer> c : branch.countsByType().entrySet()) {
            counts.row(book.text("activity.type." + c.getKey()), c.getValue());
        }
        counts.row(book.text("export.kpis.total"), branch.total()).bold(2);
        if (branch.attendance() != null) {
            // as the page shows it: who registered and attended, never a member's political status
            XlsxSheet attendance = book.sheet("export.sheet.branchAttendance", "export.branchActivities.", "studentNumber", "member",
                    "registered", "attended").width(0, 16);
            for (BranchActivities.MemberAttendance m : branch.attendance()) {
                attendance.row(m.studentNumber(), m.name(), m.registered(), m.attended());
            }
        }
        book.finish();
    }
}
