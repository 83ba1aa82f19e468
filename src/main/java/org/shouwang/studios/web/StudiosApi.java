package org.shouwang.studios.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.shared.IfMatch;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.StudioDraft;
import org.shouwang.studios.StudioType;
import org.shouwang.studios.StudioViews;
import org.shouwang.studios.Studios;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Studios over HTTP, through the same service as the pages. Reading is for everyone signed in;
 * setting studios up is for administrators (404 for anyone else). A bad field answers 400 with
 * every problem named; a change on a stale version 409.
 */
@RestController
@RequestMapping("/api/v1/studios")
@Tag(name = "Studios", description = "Studios (工作室) stationed in the community: directory, members, set-up by administrators")
class StudiosApi {

    private final Studios studios;

    StudiosApi(Studios studios) {
        this.studios = studios;
    }

    /** A studio as sent by an administrator; {@code version}: the one last read, for PUT (If-Match wins). */
    record StudioBody(String name, StudioType type, Long buildingId, String venue, String leaderUsername, String partner,
                      String services, String openingHours, String description, Integer version) {

        StudioDraft draft() {
            return new StudioDraft(name, type, buildingId, venue, leaderUsername, partner, services, openingHours, description);
        }
    }

    record MemberBody(String username) {
    }

    @GetMapping
    @Operation(summary = "The directory: active studios by type then name, with place, leader, partner, services and opening hours",
            description = "type and buildingId narrow the list; an unknown type is a 400 field error.")
    List<StudioViews.Summary> directory(@RequestParam(required = false) StudioType type,
                                        @RequestParam(required = false) Long buildingId) {
        return studios.directory(type, buildingId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One studio with its description and members (the leader first)",
            description = "A deactivated studio is seen by administrators only; 404 for others. The ETag is its version.")
    ResponseEntity<StudioViews.Studio> studio(Viewer viewer, @PathVariable long id) {
        StudioViews.Studio studio = visible(viewer, id);
        return ResponseEntity.ok().eTag("\"" + studio.version() + "\"").body(studio);
    }

    @PostMapping
    @Operation(summary = "An administrator sets up a studio; the leader is a staff account named by username",
            description = "201 with the studio and its Location. Every problem is a field error (required fields, an unknown "
                    + "building, a name taken, an unknown or student leader) and nothing is written then.")
    ResponseEntity<StudioViews.Studio> create(Viewer viewer, @RequestBody StudioBody body) {
        long id = studios.create(viewer, body.draft());
        StudioViews.Studio studio = studios.studio(id);
        return ResponseEntity.created(URI.create("/api/v1/studios/" + id)).eTag("\"" + studio.version() + "\"").body(studio);
    }

    @PutMapping("/{id}")
    @Operation(summary = "An administrator changes a studio (all its fields), with the version last read",
            description = "409 when the studio changed since that version.")
    ResponseEntity<StudioViews.Studio> update(Viewer viewer, @PathVariable long id, @RequestBody StudioBody body,
            @Parameter(description = "The version last read; 409 when it changed since")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        studios.update(viewer, id, body.draft(), IfMatch.version(ifMatch, body.version()));
        StudioViews.Studio studio = studios.studio(id);
        return ResponseEntity.ok().eTag("\"" + studio.version() + "\"").body(studio);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "An administrator deactivates a studio: it leaves the directory, its history stays")
    void deactivate(Viewer viewer, @PathVariable long id) {
        studios.deactivate(viewer, id);
    }

    @PostMapping("/{id}/reactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "An administrator puts a deactivated studio back into the directory")
    void reactivate(Viewer viewer, @PathVariable long id) {
        studios.reactivate(viewer, id);
    }

    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "An administrator adds a staff member by username (again changes nothing)",
            description = "An unknown, disabled or student account is a field error on username.")
    void addMember(Viewer viewer, @PathVariable long id, @RequestBody MemberBody body) {
        studios.addMember(viewer, id, body.username());
    }

    @DeleteMapping("/{id}/members/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "An administrator removes a member by username",
            description = "The leader is not removed this way (409): name another leader first.")
    void removeMember(Viewer viewer, @PathVariable long id, @PathVariable String username) {
        studios.removeMember(viewer, id, username);
    }

    private StudioViews.Studio visible(Viewer viewer, long id) {
        StudioViews.Studio studio = studios.studio(id);
        if (!studio.active() && !viewer.isAdmin()) {
            throw new NotFoundException("studio", id);
        }
        return studio;
    }
}
