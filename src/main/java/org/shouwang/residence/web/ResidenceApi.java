package org.shouwang.residence.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.shouwang.people.Housing;
import org.shouwang.residence.Residence;
import org.shouwang.residence.ResidenceViews;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Residence", description = "Communities, buildings, floors, rooms, beds and who sleeps where")
class ResidenceApi {

    private final Residence residence;

    ResidenceApi(Residence residence) {
        this.residence = residence;
    }

    @GetMapping("/communities")
    @Operation(summary = "Communities with bed counts (staff only)")
    List<ResidenceViews.Community> communities(Viewer viewer) {
        viewer.requireStaff();
        return residence.communities();
    }

    @GetMapping("/communities/{id}/buildings")
    @Operation(summary = "Buildings of a community with occupancy (staff only)")
    List<ResidenceViews.Building> buildings(Viewer viewer, @PathVariable long id) {
        viewer.requireStaff();
        residence.community(id);
        return residence.buildings(id);
    }

    @GetMapping("/buildings/mine")
    @Operation(summary = "Buildings the caller manages or leads")
    List<ResidenceViews.Building> myBuildings(Viewer viewer) {
        return residence.buildingsServedBy(viewer);
    }

    @GetMapping("/buildings/{id}")
    @Operation(summary = "A building")
    ResidenceViews.Building building(Viewer viewer, @PathVariable long id) {
        residence.requireVisible(viewer, id);
        return residence.building(id);
    }

    @GetMapping("/buildings/{id}/vacancy-map")
    @Operation(summary = "Floors × rooms × beds of a building, each bed FREE, OCCUPIED or RESERVED")
    List<ResidenceViews.Floor> vacancyMap(Viewer viewer, @PathVariable long id) {
        residence.requireVisible(viewer, id);
        return residence.vacancyMap(id);
    }

    @GetMapping("/rooms/{id}")
    @Operation(summary = "A room, its beds (occupants' names where the caller may see them) and its history")
    ResidenceViews.RoomDetail room(Viewer viewer, @PathVariable long id) {
        ResidenceViews.RoomDetail room = residence.room(viewer, id);
        residence.requireVisible(viewer, room.buildingId());
        return room;
    }

    @GetMapping("/students/{id}/stays")
    @Operation(summary = "Every stay of a student in a bed, newest first")
    List<ResidenceViews.Stay> stays(Viewer viewer, @PathVariable long id) {
        return residence.staysOf(viewer, id);
    }

    @GetMapping("/students/{id}/place")
    @Operation(summary = "Where a student sleeps now")
    Housing.Place place(Viewer viewer, @PathVariable long id) {
        residence.staysOf(viewer, id);
        return residence.placeOf(id).orElseThrow(() -> new NotFoundException("place", id));
    }

    record CheckIn(@NotNull Long studentId, @NotNull Long bedId) {
    }

    @PostMapping("/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Check a student into a free bed (admins, and the building's manager)")
    Housing.Place checkIn(Viewer viewer, @Valid @RequestBody CheckIn checkIn) {
        residence.checkIn(viewer, checkIn.studentId(), checkIn.bedId());
        return residence.placeOf(checkIn.studentId()).orElseThrow();
    }

    record Move(@NotNull Long bedId) {
    }

    @PostMapping("/students/{id}/move")
    @Operation(summary = "Move a student to another free bed; the old stay ends, a new one starts")
    Housing.Place move(Viewer viewer, @PathVariable long id, @Valid @RequestBody Move move) {
        residence.move(viewer, id, move.bedId());
        return residence.placeOf(id).orElseThrow();
    }

    @PostMapping("/students/{id}/check-out")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Check a student out of their bed; the stay stays in the history")
    void checkOut(Viewer viewer, @PathVariable long id) {
        residence.checkOut(viewer, id);
    }

    record Reservation(@NotNull Boolean reserved) {
    }

    @PutMapping("/beds/{id}/reserved")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Hold a free bed (reserved) or release it")
    void reserve(Viewer viewer, @PathVariable long id, @Valid @RequestBody Reservation reservation) {
        residence.reserve(viewer, id, reservation.reserved());
    }

    record Appointments(@Size(max = 32) String managerNumber, @Size(max = 32) String leaderNumber) {
    }

    @PutMapping("/admin/buildings/{id}/appointments")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Appoint a building's manager (staff number) and building leader (student number of a resident)")
    void appoint(Viewer viewer, @PathVariable long id, @Valid @RequestBody Appointments appointments) {
        residence.appoint(viewer, id, appointments.managerNumber(), appointments.leaderNumber());
    }

    record FloorLeader(@Size(max = 32) String leaderNumber) {
    }

    @PutMapping("/admin/floors/{id}/leader")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Appoint a floor leader (student number of a resident of that floor)")
    void appointFloorLeader(Viewer viewer, @PathVariable long id, @Valid @RequestBody FloorLeader leader) {
        residence.appointFloorLeader(viewer, id, leader.leaderNumber());
    }


}
