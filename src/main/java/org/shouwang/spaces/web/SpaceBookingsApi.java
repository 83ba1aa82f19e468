package org.shouwang.spaces.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.BookingState;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceViews;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Space bookings over HTTP: the caller's own, those of the spaces the caller manages, one booking
 * (its booker or a manager of its space; 404 for anyone else), and the moves on it. Each move
 * answers the booking in its new state; a move its state does not allow answers 409.
 */
@RestController
@RequestMapping("/api/v1/space-bookings")
@Tag(name = "Space bookings", description = "Bookings of community spaces: cancel, approve, decline, check in")
class SpaceBookingsApi {

    private final SpaceBookings bookings;
    private final Clock clock;

    SpaceBookingsApi(SpaceBookings bookings, Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The caller's bookings (latest first), or with managed=true those of the spaces the caller manages",
            description = "managed=true: waiting ones first, then by start; state filters; from (default: the start of today on "
                    + "campus) leaves out bookings that ended before it. Empty for callers who manage no space.")
    List<SpaceViews.Booking> list(Viewer viewer, @RequestParam(defaultValue = "false") boolean managed,
                                  @RequestParam(required = false) BookingState state,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from) {
        if (!managed) {
            return bookings.mine(viewer).stream().filter(b -> state == null || b.state() == state).toList();
        }
        Instant since = from != null ? from : CampusTime.today(clock).atStartOfDay(CampusTime.ZONE).toInstant();
        return bookings.ofManagedSpaces(viewer, state, since);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One booking: its booker or a manager of its space; 404 for anyone else")
    SpaceViews.Booking booking(Viewer viewer, @PathVariable long id) {
        return bookings.booking(viewer, id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancels a waiting or confirmed booking before it starts (its booker or a manager of its space)")
    SpaceViews.Booking cancel(Viewer viewer, @PathVariable long id) {
        bookings.cancel(viewer, id);
        return bookings.booking(viewer, id);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approves a waiting booking (a manager of its space); the booker is told")
    SpaceViews.Booking approve(Viewer viewer, @PathVariable long id) {
        bookings.approve(viewer, id);
        return bookings.booking(viewer, id);
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Declines a waiting booking with a reason (a manager of its space); the booker is told")
    SpaceViews.Booking decline(Viewer viewer, @PathVariable long id, @RequestBody SpaceBodies.ReasonBody body) {
        bookings.decline(viewer, id, body == null ? null : body.reason());
        return bookings.booking(viewer, id);
    }

    @PostMapping("/{id}/check-in")
    @Operation(summary = "\"I'm here\": the booker checks in, from shortly before the start until the grace period after it")
    SpaceViews.Booking checkIn(Viewer viewer, @PathVariable long id) {
        bookings.checkIn(viewer, id);
        return bookings.booking(viewer, id);
    }

}
