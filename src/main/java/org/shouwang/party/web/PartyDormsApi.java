package org.shouwang.party.web;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.party.PartyDorms;
import org.shouwang.residence.Residence;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Party-member dorms over HTTP: a branch's rooms with members (marked or not), marking and
 * unmarking (204), and the badged rooms of a building for whoever may see the building.
 * A branch the caller does not manage answers 404; a room with no member of the branch 409.
 */
@RestController
@RequestMapping("/api/v1/party")
@Tag(name = "Party-member dorms", description = "Party-member dorms (党员宿舍): rooms where members of a branch live, marked with a badge")
class PartyDormsApi {

    private final PartyDorms dorms;
    private final Residence residence;

    PartyDormsApi(PartyDorms dorms, Residence residence) {
        this.dorms = dorms;
        this.residence = residence;
    }

    record MarkBody(Long roomId) {
    }

    @GetMapping("/{orgId}/dorms")
    @Operation(summary = "Rooms where the branch's members (full or probationary) live, and whether each is marked; for the branch's managers")
    List<PartyDorms.Candidate> rooms(Viewer viewer, @PathVariable long orgId) {
        return dorms.candidates(viewer, orgId);
    }

    @PostMapping("/{orgId}/dorms")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark a room as a Party-member dorm of the branch (409 when no member of the branch lives there)")
    void mark(Viewer viewer, @PathVariable long orgId, @RequestBody MarkBody body) {
        if (body == null || body.roomId() == null) {
            dorms.candidates(viewer, orgId);
            throw new InvalidInput("roomId", "field.required");
        }
        dorms.mark(viewer, orgId, body.roomId());
    }

    @DeleteMapping("/{orgId}/dorms/{roomId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take the badge off a room")
    void unmark(Viewer viewer, @PathVariable long orgId, @PathVariable long roomId) {
        dorms.unmark(viewer, orgId, roomId);
    }

    @GetMapping("/buildings/{buildingId}/dorms")
    @Operation(summary = "The rooms of a building that are Party-member dorms, for whoever may see the building")
    Set<Long> badged(Viewer viewer, @PathVariable long buildingId) {
        residence.requireVisible(viewer, buildingId);
        return dorms.partyMemberDorms(buildingId);
    }
}
