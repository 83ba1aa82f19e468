package org.shouwang.party.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.party.ResponsibilityZones;
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
 * Responsibility zones over HTTP: my zones, one zone (its member and the branch's managers; 404 to
 * anyone else), a branch's zones and members for its managers, giving (201 with the id) and taking
 * away (204) a zone. Figures are counts only.
 */
@RestController
@RequestMapping("/api/v1/party")
@Tag(name = "Responsibility zones", description = "Members' responsibility zones (党员责任区) with aggregate request and inspection figures")
class ResponsibilityZonesApi {

    private final ResponsibilityZones zones;

    ResponsibilityZonesApi(ResponsibilityZones zones) {
        this.zones = zones;
    }

    record ZoneBody(Long memberId, Long buildingId, List<Integer> floors, List<String> rooms, String note) {
    }

    @GetMapping("/zones/mine")
    @Operation(summary = "The zones given to me, with their figures")
    List<ResponsibilityZones.Zone> mine(Viewer viewer) {
        return zones.mine(viewer);
    }

    @GetMapping("/zones/{zoneId}")
    @Operation(summary = "One zone with its figures: to its member and the branch's managers")
    ResponsibilityZones.Zone zone(Viewer viewer, @PathVariable long zoneId) {
        return zones.zone(viewer, zoneId);
    }

    @GetMapping("/{orgId}/zones")
    @Operation(summary = "The branch's zones with their figures; for the branch's managers")
    List<ResponsibilityZones.Zone> zones(Viewer viewer, @PathVariable long orgId) {
        return zones.zones(viewer, orgId);
    }

    @GetMapping("/{orgId}/zone-members")
    @Operation(summary = "The branch's members who may be given a zone; for the branch's managers")
    List<ResponsibilityZones.Member> members(Viewer viewer, @PathVariable long orgId) {
        return zones.members(viewer, orgId);
    }

    @PostMapping("/{orgId}/zones")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Give a member a zone: floors (numbers) and/or rooms (numbers) of one building")
    Map<String, Long> assign(Viewer viewer, @PathVariable long orgId, @RequestBody ZoneBody body) {
        if (body == null) {
            zones.members(viewer, orgId);
            throw new InvalidInput("memberId", "field.required");
        }
        return Map.of("id", zones.assign(viewer, orgId, new ResponsibilityZones.ZoneDraft(body.memberId(), body.buildingId(),
                body.floors(), body.rooms(), body.note())));
    }

    @DeleteMapping("/{orgId}/zones/{zoneId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take a zone away")
    void remove(Viewer viewer, @PathVariable long orgId, @PathVariable long zoneId) {
        zones.remove(viewer, orgId, zoneId);
    }
}
