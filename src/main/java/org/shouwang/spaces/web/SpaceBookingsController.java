package org.shouwang.spaces.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.shouwang.shared.CampusTime;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.BookingState;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceViews;
import org.shouwang.spaces.Spaces;
import org.shouwang.spaces.SpacesProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bookings as pages: the viewer's own (upcoming first, cancel, "I'm here" while check-in is open),
 * one booking (its booker or a manager of its space), and the managers' list of their spaces'
 * bookings, waiting ones first, to approve, decline with a reason, or cancel.
 */
@Controller
class SpaceBookingsController {

    private final SpaceBookings bookings;
    private final Spaces spaces;
    private final SpacesProperties properties;
    private final FormErrors errors;
    private final Clock clock;

    SpaceBookingsController(SpaceBookings bookings, Spaces spaces, SpacesProperties properties, FormErrors errors, Clock clock) {
        this.bookings = bookings;
        this.spaces = spaces;
        this.properties = properties;
        this.errors = errors;
        this.clock = clock;
    }

    /** A booking and what the viewer may do with it now. */
    public record Row(SpaceViews.Booking booking, boolean mine, boolean upcoming, boolean mayCancel, boolean mayCheckIn, boolean mayDecide) {
    }

    @GetMapping("/spaces/bookings")
    String mine(Viewer viewer, Model model) {
        Instant now = clock.instant();
        List<Row> upcoming = new ArrayList<>();
        List<Row> past = new ArrayList<>();
        for (SpaceViews.Booking b : bookings.mine(viewer)) {
            Row row = row(viewer, b, false, now);
            (row.upcoming() ? upcoming : past).add(row);
        }
        upcoming.sort(Comparator.comparing(r -> r.booking().startsAt()));
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("past", past);
        model.addAttribute("times", new SpaceTimes(LocaleContextHolder.getLocale()));
        return "spaces/bookings";
    }

    @GetMapping("/spaces/bookings/{id:\\d+}")
    String one(Viewer viewer, @PathVariable long id, Model model) {
        SpaceViews.Booking b = bookings.booking(viewer, id);
        boolean manages = spaces.manages(viewer, b.spaceId());
        model.addAttribute("row", row(viewer, b, manages, clock.instant()));
        model.addAttribute("space", spaces.space(b.spaceId()));
        model.addAttribute("manages", manages);
        model.addAttribute("times", new SpaceTimes(LocaleContextHolder.getLocale()));
        return "spaces/booking";
    }

    @GetMapping("/spaces/manage")
    String manage(Viewer viewer, @RequestParam(required = false) String state, Model model) {
        if (!viewer.isAdmin() && !viewer.has(Role.BUILDING_MANAGER) && spaces.managedBy(viewer).isEmpty()) {
            throw new NotFoundException("page", "spaces/manage");
        }
        BookingState s = state(state);
        Instant now = clock.instant();
        Instant from = CampusTime.today(clock).atStartOfDay(CampusTime.ZONE).toInstant();
        model.addAttribute("rows", bookings.ofManagedSpaces(viewer, s, from).stream().map(b -> row(viewer, b, true, now)).toList());
        model.addAttribute("state", s == null ? "" : s.name());
        model.addAttribute("states", BookingState.values());
        model.addAttribute("times", new SpaceTimes(LocaleContextHolder.getLocale()));
        return "spaces/manage";
    }

    // — moves —

    @PostMapping("/spaces/bookings/{id:\\d+}/cancel")
    String cancel(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String back, RedirectAttributes flash) {
        return act(() -> bookings.cancel(viewer, id), "spaces.cancelled", back, id, flash);
    }

    @PostMapping("/spaces/bookings/{id:\\d+}/check-in")
    String checkIn(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String back, RedirectAttributes flash) {
        return act(() -> bookings.checkIn(viewer, id), "spaces.checkedIn", back, id, flash);
    }

    @PostMapping("/spaces/bookings/{id:\\d+}/approve")
    String approve(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String back, RedirectAttributes flash) {
        return act(() -> bookings.approve(viewer, id), "spaces.approved", back, id, flash);
    }

    @PostMapping("/spaces/bookings/{id:\\d+}/decline")
    String decline(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(defaultValue = "") String back, RedirectAttributes flash) {
        return act(() -> bookings.decline(viewer, id, reason), "spaces.declined", back, id, flash);
    }

    private String act(Runnable move, String done, String back, long id, RedirectAttributes flash) {
        try {
            move.run();
            flash.addFlashAttribute("success", errors.text(done));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", errors.text(violation.code(), violation.args()));
        } catch (InvalidInput invalid) {
            InvalidInput.Problem p = invalid.problems().get(0);
            flash.addFlashAttribute("error", errors.text("spaces.field." + p.field()) + errors.text(p.code(), p.args()));
        }
        return "redirect:" + back(back, id);
    }

    /** Back to the page the move was made on: only this area's own pages. */
    private static String back(String back, long id) {
        if (back != null && back.matches("/spaces(/[a-z0-9-]+)*(\\?[a-zA-Z0-9=&_-]*)?")) {
            return back;
        }
        return "/spaces/bookings/" + id;
    }

    private Row row(Viewer viewer, SpaceViews.Booking b, boolean manager, Instant now) {
        boolean mine = b.bookerAccountId() == viewer.accountId();
        boolean upcoming = b.state().holdsTime() && b.endsAt().isAfter(now);
        boolean mayCancel = (mine || manager) && b.activityId() == null
                && (b.state() == BookingState.PENDING || b.state() == BookingState.CONFIRMED) && now.isBefore(b.startsAt());
        boolean mayCheckIn = mine && b.state() == BookingState.CONFIRMED
                && !now.isBefore(b.startsAt().minus(properties.checkInOpensBefore()))
                && !now.isAfter(b.startsAt().plus(properties.checkInGrace()));
        return new Row(b, mine, upcoming, mayCancel, mayCheckIn, manager && b.state() == BookingState.PENDING);
    }

    static BookingState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return BookingState.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
