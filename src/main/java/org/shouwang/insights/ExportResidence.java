package org.shouwang.insights;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.shouwang.party.PartyDorms;
import org.shouwang.residence.BedStatus;
import org.shouwang.residence.Residence;
import org.shouwang.residence.ResidenceViews;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Residence lists as xlsx: communities and buildings with their occupancy (/communities and /communities/{id}, staff
 * only as there; with {@code mine} the buildings the viewer serves, /buildings/mine), a building's rooms with their
 * beds taken, held and free and the Party-member dorm badge (/buildings/{id}; 404 as there; no occupants' names), and
 * a student's stays (the stays of /students/{id}; 404 outside the viewer's scope). No identifiers.
 */
@Service
public class ExportResidence {

    private final Residence residence;
    private final PartyDorms partyDorms;
    private final MessageSource messages;

    ExportResidence(Residence residence, PartyDorms partyDorms, MessageSource messages) {
        this.residence = residence;
        this.partyDorms = partyDorms;
        this.messages = messages;
    }

    /** The communities shown (none for the viewer's own buildings) and the buildings. */
    public record Buildings(List<ResidenceViews.Community> communities, List<ResidenceViews.Building> buildings) {
    }

    public Buildings buildings(Viewer viewer, Long communityId, boolean mine) {
        if (mine) {
            return new Buildings(List.of(), residence.buildingsServedBy(viewer));
        }
        viewer.requireStaff();
        List<ResidenceViews.Community> communities = communityId == null ? residence.communities()
                : List.of(residence.community(communityId));
        List<ResidenceViews.Building> buildings = new ArrayList<>();
        communities.forEach(c -> buildings.addAll(residence.buildings(c.id())));
        return new Buildings(communities, buildings);
    }

    public void writeBuildings(Buildings rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet buildings = book.sheet("export.sheet.buildings", "export.residence.", "building", "community", "gender", "manager",
                "leader", "floors", "rooms", "beds", "occupied", "reserved", "free", "occupancy").width(0, 20).width(1, 20);
        for (ResidenceViews.Building b : rows.buildings()) {
            buildings.row(b.name(), b.community(), b.gender() == null ? null : book.text("gender." + b.gender()), b.manager(),
                    b.leader(), b.floors(), b.rooms(), b.beds(), b.occupied(), b.reserved(), b.free(),
                    new XlsxSheet.Formatted(b.beds() == 0 ? 0.0 : (double) b.occupied() / b.beds(), "0%"));
        }
        if (!rows.communities().isEmpty()) {
            XlsxSheet communities = book.sheet("export.sheet.communities", "export.residence.", "community", "buildingCount", "beds",
                    "occupied").width(0, 20);
            for (ResidenceViews.Community c : rows.communities()) {
                communities.row(c.name(), c.buildings(), c.beds(), c.occupied());
            }
        }
        book.finish();
    }

    // — one building's rooms —

    /** A building with its floors and rooms and the rooms marked as Party-member dorms. */
    public record Rooms(ResidenceViews.Building building, List<ResidenceViews.Floor> floors, Set<Long> partyDorms) {
    }

    public Rooms rooms(Viewer viewer, long buildingId) {
        residence.requireVisible(viewer, buildingId);
        return new Rooms(residence.building(buildingId), residence.vacancyMap(buildingId), partyDorms.partyMemberDorms(buildingId));
    }

    public void writeRooms(Rooms rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.rooms", "export.residence.", "building", "floor", "room", "kind", "gender",
                "capacity", "beds", "occupied", "reserved", "free", "freeBeds", "partyDorm").width(0, 20);
        for (ResidenceViews.Floor f : rows.floors()) {
            for (ResidenceViews.Room r : f.rooms()) {
                sheet.row(rows.building().name(), f.number(), r.number(), r.kind() == null ? null : book.text("room.kind." + r.kind()),
                        r.gender() == null ? null : book.text("gender." + r.gender()), r.capacity(), r.beds().size(),
                        count(r, BedStatus.OCCUPIED), count(r, BedStatus.RESERVED), count(r, BedStatus.FREE),
                        r.beds().stream().filter(b -> b.status() == BedStatus.FREE).map(ResidenceViews.BedCell::label)
                                .collect(Collectors.joining(", ")),
                        rows.partyDorms().contains(r.id()));
            }
        }
        book.finish();
    }

    private static long count(ResidenceViews.Room room, BedStatus status) {
        return room.beds().stream().filter(b -> b.status() == status).count();
    }

    // — a student's stays —

    public List<ResidenceViews.Stay> stays(Viewer viewer, long studentId) {
        return residence.staysOf(viewer, studentId);
    }

    public void writeStays(List<ResidenceViews.Stay> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.stays", "export.residence.", "student", "place", "from", "to", "reason")
                .width(1, 30);
        for (ResidenceViews.Stay s : rows) {
            sheet.row(s.student(), s.place(), s.startedAt(), s.endedAt(),
                    book.text(s.endReason() != null ? "stay." + s.endReason() : "stay.current"));
        }
        book.finish();
    }
}
