package org.shouwang.spaces.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceKind;
import org.shouwang.spaces.SpaceViews;
import org.shouwang.spaces.Spaces;
import org.shouwang.spaces.web.SpaceBodies.BookingBody;
import org.shouwang.spaces.web.SpaceBodies.ClosureBody;
import org.shouwang.spaces.web.SpaceBodies.Created;
import org.shouwang.spaces.web.SpaceBodies.SpaceBody;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spaces over HTTP, through the same services as the pages: the list, one space, its taken times
 * (no names), defining spaces and their closures (administrators and building managers), and
 * booking and checking in at the door. A space the caller may not see or manage answers 404; a
 * broken booking rule (taken, personal limit, blocked) answers 409 with the reason in the
 * caller's language; field problems answer 400 with every field.
 */
@RestController
@RequestMapping("/api/v1/spaces")
@Tag(name = "Spaces", description = "Community spaces (功能空间): study, seminar, activity and talk rooms and their booking")
class SpacesApi {

    private static final long MAX_TAKEN_DAYS = 62;

    private final Spaces spaces;
    private final SpaceBookings bookings;

    SpacesApi(Spaces spaces, SpaceBookings bookings) {
        this.spaces = spaces;
        this.bookings = bookings;
    }

    @GetMapping
    @Operation(summary = "Active spaces, by building, floor and name", description = "kind and buildingId filter when given.")
    List<SpaceViews.Space> list(@RequestParam(required = false) SpaceKind kind, @RequestParam(required = false) Long buildingId) {
        return spaces.list(kind, buildingId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One space: where, what, when open and its booking rules",
            description = "Inactive spaces answer 404 except to their managers.")
    SpaceViews.Space space(Viewer viewer, @PathVariable long id) {
        return visible(viewer, id);
    }

    @GetMapping("/{id}/taken")
    @Operation(summary = "The taken stretches of a space between two instants (at most 62 days), and its closures",
            description = "No names: only whether an activity holds a stretch, and whether it waits for approval (PENDING).")
    Taken taken(Viewer viewer, @PathVariable long id,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        visible(viewer, id);
        if (!from.isBefore(to) || from.plusSeconds(MAX_TAKEN_DAYS * 86_400).isBefore(to)) {
            throw new InvalidInput("to", "spaces.api.range", MAX_TAKEN_DAYS);
        }
        return new Taken(bookings.taken(id, from, to),
                spaces.closures(id).stream().filter(c -> c.startsAt().isBefore(to) && c.endsAt().isAfter(from)).toList());
    }

    record Taken(List<SpaceViews.Taken> taken, List<SpaceViews.Closure> closures) {
    }

    @PostMapping
    @Operation(summary = "Defines a space (administrators anywhere, building managers in their building)")
    ResponseEntity<SpaceViews.Space> create(Viewer viewer, @RequestBody SpaceBody body) {
        long id = spaces.create(viewer, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/spaces/" + id)).body(spaces.space(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes a space; bookings already made stay",
            description = "Send the version last read: 409 when the space changed since.")
    SpaceViews.Space update(Viewer viewer, @PathVariable long id, @RequestBody SpaceBody body) {
        spaces.update(viewer, id, body.draft(), body.version());
        return spaces.space(id);
    }

    @PostMapping("/{id}/active")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deactivates (active=false) or reactivates a space; its past bookings stay")
    void setActive(Viewer viewer, @PathVariable long id, @RequestParam boolean active) {
        spaces.setActive(viewer, id, active);
    }

    @GetMapping("/{id}/closures")
    @Operation(summary = "The closed periods of a space")
    List<SpaceViews.Closure> closures(Viewer viewer, @PathVariable long id) {
        visible(viewer, id);
        return spaces.closures(id);
    }

    @PostMapping("/{id}/closures")
    @Operation(summary = "Shuts a space for a stretch (its managers); bookings already in it stay until cancelled")
    ResponseEntity<Created> close(Viewer viewer, @PathVariable long id, @RequestBody ClosureBody body) {
        long closure = spaces.close(viewer, id, body.startsAt(), body.endsAt(), body.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(closure));
    }

    @DeleteMapping("/{id}/closures/{closureId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Removes a closed period (its managers)")
    void reopen(Viewer viewer, @PathVariable long id, @PathVariable long closureId) {
        spaces.reopen(viewer, id, closureId);
    }

    @PostMapping("/{id}/bookings")
    @Operation(summary = "Books a slot of the space",
            description = "CONFIRMED at once, or PENDING when the space needs approval. 400: field problems (outside opening "
                    + "hours, closed, too long, too far ahead, over capacity…); 409: taken, personal limit reached, blocked "
                    + "after no-shows, or the space cannot be booked by the caller. Nothing is written when refused.")
    ResponseEntity<SpaceViews.Booking> book(Viewer viewer, @PathVariable long id, @RequestBody BookingBody body) {
        long booking = bookings.book(viewer, body.request(id));
        return ResponseEntity.created(URI.create("/api/v1/space-bookings/" + booking)).body(bookings.booking(viewer, booking));
    }

    @PostMapping("/{id}/door-check-in")
    @Operation(summary = "Checks the caller in to their booking of this space open for check-in now, with the door code's key",
            description = "409 when the key is wrong or the caller has no booking to check in to now.")
    SpaceViews.Booking doorCheckIn(Viewer viewer, @PathVariable long id, @RequestBody SpaceBodies.DoorBody body) {
        return bookings.booking(viewer, bookings.checkInAtDoor(viewer, id, body == null ? null : body.key()));
    }

    private SpaceViews.Space visible(Viewer viewer, long id) {
        SpaceViews.Space space = spaces.space(id);
        if (!space.active() && !spaces.manages(viewer, id)) {
            throw new NotFoundException("space", id);
        }
        return space;
    }
}
