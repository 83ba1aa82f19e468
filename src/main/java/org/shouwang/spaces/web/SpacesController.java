package org.shouwang.spaces.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.identity.Accounts;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.QrCode;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceKind;
import org.shouwang.spaces.SpaceViews;
import org.shouwang.spaces.SpacePhotos;
import org.shouwang.spaces.Spaces;
import org.shouwang.spaces.SpacesProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The space pages: the list (filtered by kind and building), one space with its rules and its
 * free and taken times (a day on a phone, the week on a desktop) and the booking form; for the
 * managers, the space form, closures, and the printable door code; the page the door code opens.
 */
@Controller
class SpacesController {

    static final Set<String> BOOKING_FIELDS = Set.of("startsAt", "endsAt", "attendees", "purpose", "organisation");
    static final Set<String> SPACE_FIELDS = Set.of("name", "kind", "buildingId", "floor", "room", "capacity", "equipment",
            "description", "opensAt", "closesAt", "openDays", "bookers", "longestMinutes", "daysAhead", "managerUsername");
    static final Set<String> CLOSURE_FIELDS = Set.of("startsAt", "endsAt", "reason");

    private final Spaces spaces;
    private final SpaceBookings bookings;
    private final Residence residence;
    private final Accounts accounts;
    private final FormErrors errors;
    private final SpacesProperties properties;
    private final SpacePhotos photos;
    private final Clock clock;

    SpacesController(Spaces spaces, SpaceBookings bookings, Residence residence, Accounts accounts, FormErrors errors,
                     SpacesProperties properties, SpacePhotos photos, Clock clock) {
        this.photos = photos;
        this.properties = properties;
        this.spaces = spaces;
        this.bookings = bookings;
        this.residence = residence;
        this.accounts = accounts;
        this.errors = errors;
        this.clock = clock;
    }

    // — the list —

    @GetMapping("/spaces")
    String list(Viewer viewer, @RequestParam(required = false) String kind, @RequestParam(required = false) String building,
                Model model) {
        SpaceKind k = kind(kind);
        Long b = id(building);
        model.addAttribute("spaces", spaces.list(k, b));
        model.addAttribute("kinds", SpaceKind.values());
        model.addAttribute("buildings", residence.buildingNames());
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("building", b == null ? "" : b.toString());
        model.addAttribute("mayDefine", !definable(viewer).isEmpty());
        boolean mayManage = viewer.isAdmin() || viewer.has(Role.BUILDING_MANAGER) || !spaces.managedBy(viewer).isEmpty();
        model.addAttribute("mayManage", mayManage);
        model.addAttribute("mayReadUsage", mayManage || viewer.has(Role.LEADER) || viewer.has(Role.STUDENT_AFFAIRS));
        return "spaces/list";
    }

    // — one space, its grid and the booking form —

    @GetMapping("/spaces/{id:\\d+}")
    String space(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String day,
                 @RequestParam(required = false) String start, Model model) {
        SpaceViews.Space space = visible(viewer, id);
        LocalDate d = day(day);
        LocalTime s = null;
        try {
            s = start == null || start.isBlank() ? null : LocalTime.parse(start);
        } catch (DateTimeParseException ignored) {
            // An odd link: the form starts empty.
        }
        return spacePage(viewer, space, d, SpaceForms.BookingForm.empty(d, s, space.longestMinutes()), Map.of(), model);
    }

    @PostMapping("/spaces/{id:\\d+}/bookings")
    String book(Viewer viewer, @PathVariable long id, @ModelAttribute("bookingForm") SpaceForms.BookingForm form,
                BindingResult binding, Model model, RedirectAttributes flash) {
        SpaceViews.Space space = visible(viewer, id);
        LocalDate d = day(form.day());
        try {
            long booking = bookings.book(viewer, form.request(id));
            flash.addFlashAttribute("success", errors.text(space.needsApproval() ? "spaces.booked.pending" : "spaces.booked.confirmed",
                    space.name()));
            // The fragment replaces the form's #book, which the browser would otherwise keep across the redirect.
            return "redirect:/spaces/bookings/" + booking + "#booking-" + booking;
        } catch (InvalidInput invalid) {
            return spacePage(viewer, space, d, form, errors.of(invalid, BOOKING_FIELDS), model);
        } catch (RuleViolation violation) {
            return spacePage(viewer, space, d, form, errors.of(violation), model);
        }
    }

    private String spacePage(Viewer viewer, SpaceViews.Space space, LocalDate day, SpaceForms.BookingForm form,
                             Map<String, String> problems, Model model) {
        List<SpaceViews.Closure> closures = spaces.closures(space.id());
        SpaceGrid grid = SpaceGrid.of(space, day, bookings.taken(space.id(), SpaceGrid.from(day), SpaceGrid.to(day)), closures,
                clock.instant());
        boolean manages = spaces.manages(viewer, space.id());
        model.addAttribute("space", space);
        model.addAttribute("closures", closures.stream().filter(c -> c.endsAt().isAfter(clock.instant())).toList());
        model.addAttribute("grid", grid);
        model.addAttribute("today", CampusTime.today(clock));
        model.addAttribute("bookingForm", form);
        model.addAttribute("errors", problems);
        model.addAttribute("times", new SpaceTimes(LocaleContextHolder.getLocale()));
        model.addAttribute("manages", manages);
        model.addAttribute("photoIds", photos.list(space.id()));
        model.addAttribute("defines", manages && residence.mayAssign(viewer, space.buildingId()));
        model.addAttribute("mayBook", space.active() && (space.organisationsMayBook()
                || (viewer.studentId() != null ? space.studentsMayBook() : viewer.isStaff() && space.staffMayBook())));
        model.addAttribute("managerName", space.managerAccountId() == null ? null
                : accounts.names(List.of(space.managerAccountId())).get(space.managerAccountId()));
        model.addAttribute("days", openDays(space.openDays()));
        model.addAttribute("graceMinutes", properties.checkInGrace().toMinutes());
        if (manages && !model.containsAttribute("closureForm")) {
            model.addAttribute("closureForm", SpaceForms.ClosureForm.empty());
            model.addAttribute("closureErrors", Map.of());
        }
        return "spaces/space";
    }

    // — defining spaces —

    @GetMapping("/spaces/new")
    String newSpace(Viewer viewer, @RequestParam(required = false) String building, Model model) {
        Map<Long, String> buildings = definable(viewer);
        if (buildings.isEmpty()) {
            throw new NotFoundException("page", "spaces/new");
        }
        Long b = id(building);
        return spaceForm(null, SpaceForms.SpaceForm.empty(b != null ? b : buildings.keySet().iterator().next()), Map.of(), buildings,
                model);
    }

    @PostMapping("/spaces/new")
    String create(Viewer viewer, @ModelAttribute("spaceForm") SpaceForms.SpaceForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        Map<Long, String> buildings = definable(viewer);
        if (buildings.isEmpty()) {
            throw new NotFoundException("page", "spaces/new");
        }
        try {
            long id = spaces.create(viewer, form.draft());
            flash.addFlashAttribute("success", errors.text("spaces.saved"));
            return "redirect:/spaces/" + id;
        } catch (InvalidInput invalid) {
            return spaceForm(null, form, errors.of(invalid, SPACE_FIELDS), buildings, model);
        } catch (RuleViolation violation) {
            return spaceForm(null, form, errors.of(violation), buildings, model);
        }
    }

    @GetMapping("/spaces/{id:\\d+}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        SpaceViews.Space space = defined(viewer, id);
        String manager = space.managerAccountId() == null ? null : accounts.get(space.managerAccountId()).username();
        return spaceForm(space, SpaceForms.SpaceForm.of(space, manager), Map.of(), editable(viewer, space), model);
    }

    @PostMapping("/spaces/{id:\\d+}/edit")
    String update(Viewer viewer, @PathVariable long id, @ModelAttribute("spaceForm") SpaceForms.SpaceForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        SpaceViews.Space space = defined(viewer, id);
        try {
            spaces.update(viewer, id, form.draft(), form.expectedVersion());
            flash.addFlashAttribute("success", errors.text("spaces.saved"));
            return "redirect:/spaces/" + id;
        } catch (InvalidInput invalid) {
            return spaceForm(space, form, errors.of(invalid, SPACE_FIELDS), editable(viewer, space), model);
        } catch (RuleViolation violation) {
            return spaceForm(space, form, errors.of(violation), editable(viewer, space), model);
        }
    }

    @PostMapping("/spaces/{id:\\d+}/active")
    String setActive(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "false") boolean active,
                     RedirectAttributes flash) {
        defined(viewer, id);
        spaces.setActive(viewer, id, active);
        flash.addFlashAttribute("success", errors.text(active ? "spaces.reactivated" : "spaces.deactivated"));
        return "redirect:/spaces/" + id;
    }

    private String spaceForm(SpaceViews.Space space, SpaceForms.SpaceForm form, Map<String, String> problems,
                             Map<Long, String> buildings, Model model) {
        model.addAttribute("space", space);
        model.addAttribute("spaceForm", form);
        model.addAttribute("errors", problems);
        model.addAttribute("buildings", buildings);
        model.addAttribute("kinds", SpaceKind.values());
        model.addAttribute("weekDays", DayOfWeek.values());
        return "spaces/form";
    }

    // — closures —

    @PostMapping("/spaces/{id:\\d+}/closures")
    String close(Viewer viewer, @PathVariable long id, @ModelAttribute("closureForm") SpaceForms.ClosureForm form, BindingResult binding,
                 Model model, RedirectAttributes flash) {
        SpaceViews.Space space = managed(viewer, id);
        try {
            SpaceForms.ClosureForm.Parsed p = form.parsed();
            spaces.close(viewer, id, p.startsAt(), p.endsAt(), p.reason());
            flash.addFlashAttribute("success", errors.text("spaces.closure.added"));
            return "redirect:/spaces/" + id + "#closures";
        } catch (InvalidInput invalid) {
            model.addAttribute("closureErrors", errors.of(invalid, CLOSURE_FIELDS));
        } catch (RuleViolation violation) {
            model.addAttribute("closureErrors", errors.of(violation));
        }
        LocalDate today = CampusTime.today(clock);
        return spacePage(viewer, space, today, SpaceForms.BookingForm.empty(today, null, space.longestMinutes()), Map.of(), model);
    }

    @PostMapping("/spaces/{id:\\d+}/closures/{closure:\\d+}/delete")
    String reopen(Viewer viewer, @PathVariable long id, @PathVariable long closure, RedirectAttributes flash) {
        spaces.reopen(viewer, id, closure);
        flash.addFlashAttribute("success", errors.text("spaces.closure.removed"));
        return "redirect:/spaces/" + id + "#closures";
    }

    // — the door —

    /** What the code on the door opens: checks the signed-in viewer in to their booking of this space now. */
    @GetMapping("/spaces/{id:\\d+}/door")
    String door(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String key, Model model) {
        SpaceViews.Space space = spaces.space(id);
        model.addAttribute("space", space);
        model.addAttribute("times", new SpaceTimes(LocaleContextHolder.getLocale()));
        try {
            long booking = bookings.checkInAtDoor(viewer, id, key);
            model.addAttribute("booking", bookings.booking(viewer, booking));
        } catch (RuleViolation violation) {
            model.addAttribute("refused", errors.text(violation.code(), violation.args()));
        }
        return "spaces/door";
    }

    /** The printable page with the door's QR code, for the space's managers. */
    @GetMapping("/spaces/{id:\\d+}/door-code")
    String doorCode(Viewer viewer, @PathVariable long id, Model model) {
        SpaceViews.Space space = spaces.space(id);
        String key = spaces.doorKey(viewer, id);
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/spaces/{id}/door").queryParam("key", key)
                .buildAndExpand(id).toUriString();
        model.addAttribute("space", space);
        model.addAttribute("url", url);
        model.addAttribute("qr", QrCode.svg(url, errors.text("spaces.door.qrLabel", space.name())));
        return "spaces/door-code";
    }

    // — helpers —

    /** Active spaces for everyone; inactive ones only for their managers. */
    private SpaceViews.Space visible(Viewer viewer, long id) {
        SpaceViews.Space space = spaces.space(id);
        if (!space.active() && !spaces.manages(viewer, id)) {
            throw new NotFoundException("space", id);
        }
        return space;
    }

    private SpaceViews.Space managed(Viewer viewer, long id) {
        SpaceViews.Space space = spaces.space(id);
        if (!spaces.manages(viewer, id)) {
            throw new NotFoundException("space", id);
        }
        return space;
    }

    /** Administrators and the manager of the space's building define it; its named manager only decides bookings and closures. */
    private SpaceViews.Space defined(Viewer viewer, long id) {
        SpaceViews.Space space = spaces.space(id);
        if (!residence.mayAssign(viewer, space.buildingId())) {
            throw new NotFoundException("space", id);
        }
        return space;
    }

    /** The buildings the viewer may define spaces in: all for administrators, their own for building managers. */
    private Map<Long, String> definable(Viewer viewer) {
        Map<Long, String> all = residence.buildingNames();
        if (viewer.isAdmin()) {
            return all;
        }
        if (!viewer.has(Role.BUILDING_MANAGER)) {
            return Map.of();
        }
        Map<Long, String> mine = new LinkedHashMap<>();
        all.forEach((id, name) -> {
            if (residence.mayAssign(viewer, id)) {
                mine.put(id, name);
            }
        });
        return mine;
    }

    /** The buildings offered when changing a space: the viewer's, and the space's own. */
    private Map<Long, String> editable(Viewer viewer, SpaceViews.Space space) {
        Map<Long, String> buildings = new LinkedHashMap<>(definable(viewer));
        buildings.putIfAbsent(space.buildingId(), space.buildingName());
        return buildings;
    }

    private static List<DayOfWeek> openDays(Set<DayOfWeek> days) {
        return days.stream().sorted().toList();
    }

    private LocalDate day(String value) {
        LocalDate today = CampusTime.today(clock);
        if (value == null || value.isBlank()) {
            return today;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            return d.isBefore(today.minusDays(366)) || d.isAfter(today.plusDays(366)) ? today : d;
        } catch (DateTimeParseException e) {
            return today;
        }
    }

    static SpaceKind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SpaceKind.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Long id(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
