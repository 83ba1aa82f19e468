package org.shouwang.studios.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.AppointmentService;
import org.shouwang.studios.AppointmentViews;
import org.shouwang.studios.Appointments;
import org.shouwang.studios.Slots;
import org.shouwang.studios.StudioViews;
import org.shouwang.studios.Studios;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The appointment pages: the caller's appointments (a student's own, a staff member's studios'),
 * a studio's slots by day (booking for students, publishing and withdrawing for its staff), booking
 * one slot, one appointment with its moves. Each move posts, goes back and says what happened.
 */
@Controller
@RequestMapping("/appointments")
class AppointmentsController {

    private static final String TEMPLATES = "studios-appointments/";

    private final Appointments appointments;
    private final Slots slots;
    private final Studios studios;
    private final FormErrors errors;
    private final java.time.Clock clock;

    AppointmentsController(Appointments appointments, Slots slots, Studios studios, FormErrors errors, java.time.Clock clock) {
        this.clock = clock;
        this.appointments = appointments;
        this.slots = slots;
        this.studios = studios;
        this.errors = errors;
    }

    @ModelAttribute("services")
    AppointmentService[] services() {
        return AppointmentService.values();
    }

    // — lists —

    @GetMapping
    String list(Viewer viewer, Model model) {
        if (viewer.studentId() != null) {
            List<AppointmentViews.Row> mine = appointments.list(viewer, AppointmentViews.Scope.MINE, null, null).rows();
            java.time.Instant now = clock.instant();
            List<AppointmentViews.Row> upcoming = new ArrayList<>(mine.stream().filter(r -> r.endsAt().isAfter(now)).toList());
            java.util.Collections.reverse(upcoming);
            model.addAttribute("upcoming", upcoming);
            model.addAttribute("past", mine.stream().filter(r -> !r.endsAt().isAfter(now)).toList());
            model.addAttribute("open", slots.open());
        }
        Set<Long> worksIn = studios.studiosOf(viewer);
        boolean staffList = !worksIn.isEmpty() || viewer.has(org.shouwang.shared.Role.PSYCHOLOGY_CENTRE);
        model.addAttribute("staffList", staffList);
        if (staffList) {
            model.addAttribute("studioList", appointments.list(viewer, AppointmentViews.Scope.STUDIOS, null, null));
            List<StudioViews.Studio> mineStudios = new ArrayList<>();
            for (long id : worksIn) {
                mineStudios.add(studios.studio(id));
            }
            mineStudios.sort(java.util.Comparator.comparing(StudioViews.Studio::name));
            model.addAttribute("myStudios", mineStudios);
        }
        return TEMPLATES + "list";
    }

    // — a studio's slots —

    @GetMapping("/studios/{studioId}")
    String slotsOf(Viewer viewer, @PathVariable long studioId, @RequestParam(required = false) String from, Model model) {
        return slotsPage(viewer, studioId, from, model, SlotForm.empty("one"), Map.of());
    }

    @PostMapping("/studios/{studioId}/slots")
    String publish(Viewer viewer, @PathVariable long studioId, @ModelAttribute SlotForm form, Model model,
                   RedirectAttributes flash) {
        if (!slots.manages(viewer, studioId)) {
            throw new NotFoundException("studio", studioId);
        }
        try {
            int count;
            if (form.series()) {
                count = slots.publish(viewer, studioId, form.seriesOf(new Fields())).size();
            } else {
                slots.publish(viewer, studioId, form.draftOf(new Fields()));
                count = 1;
            }
            flash.addFlashAttribute("success", errors.text("appointment.web.done.published", count));
            return "redirect:/appointments/studios/" + studioId + (form.series() ? "" : "?from=" + form.date());
        } catch (InvalidInput invalid) {
            Map<String, String> problems = new LinkedHashMap<>();
            errors.of(invalid, SlotForm.FIELDS).forEach((k, v) -> problems.putIfAbsent(
                    "startsAt".equals(k) ? "startTime" : "endsAt".equals(k) ? "endTime" : k, v));
            return slotsPage(viewer, studioId, null, model, form, problems);
        }
    }

    @PostMapping("/slots/{slotId}/withdraw")
    String withdraw(Viewer viewer, @PathVariable long slotId, RedirectAttributes flash) {
        AppointmentViews.Slot slot = slots.slot(viewer, slotId);
        try {
            slots.withdraw(viewer, slotId);
            flash.addFlashAttribute("success", errors.text("appointment.web.done.withdrawn"));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", errors.text(violation.code(), violation.args()));
        }
        return "redirect:/appointments/studios/" + slot.studioId() + "?from="
                + slot.startsAt().atZone(CampusTime.ZONE).toLocalDate();
    }

    private String slotsPage(Viewer viewer, long studioId, String from, Model model, SlotForm form, Map<String, String> problems) {
        StudioViews.Studio studio = studios.studio(studioId);
        LocalDate first = parse(from);
        LocalDate today = CampusTime.today(clock);
        if (first == null || first.isBefore(today.minusDays(62))) {
            first = today;
        }
        boolean manages = slots.manages(viewer, studioId);
        model.addAttribute("studio", studio);
        model.addAttribute("from", first);
        model.addAttribute("previous", first.minusDays(14));
        model.addAttribute("next", first.plusDays(14));
        model.addAttribute("today", today);
        model.addAttribute("days", slots.days(viewer, studioId, first, first.plusDays(13)));
        model.addAttribute("manages", manages);
        model.addAttribute("holds", viewer.studentId() != null
                && appointments.holds(viewer.studentId(), studioId, clock.instant()));
        if (manages) {
            model.addAttribute("receivers", slots.receivers(studioId));
            model.addAttribute("form", form);
            model.addAttribute("errors", problems);
            model.addAttribute("weekdays", java.time.DayOfWeek.values());
        }
        return TEMPLATES + "slots";
    }

    // — booking —

    @GetMapping("/slots/{slotId}")
    String slot(Viewer viewer, @PathVariable long slotId, Model model) {
        return bookPage(viewer, slotId, "", Map.of(), model);
    }

    @PostMapping("/slots/{slotId}/book")
    String book(Viewer viewer, @PathVariable long slotId, @RequestParam(defaultValue = "") String topic, Model model,
                RedirectAttributes flash) {
        try {
            long id = appointments.book(viewer, slotId, topic);
            flash.addFlashAttribute("success", errors.text("appointment.web.done.booked"));
            return "redirect:/appointments/" + id;
        } catch (InvalidInput invalid) {
            return bookPage(viewer, slotId, topic, errors.of(invalid, Set.of("topic")), model);
        } catch (RuleViolation violation) {
            return bookPage(viewer, slotId, topic, errors.of(violation), model);
        }
    }

    private String bookPage(Viewer viewer, long slotId, String topic, Map<String, String> problems, Model model) {
        AppointmentViews.Slot slot = slots.slot(viewer, slotId);
        model.addAttribute("slot", slot);
        model.addAttribute("studio", studios.studio(slot.studioId()));
        model.addAttribute("bookable", slot.state() == org.shouwang.studios.SlotState.FREE
                && slot.startsAt().isAfter(clock.instant()));
        model.addAttribute("topic", topic);
        model.addAttribute("errors", problems);
        return TEMPLATES + "book";
    }

    // — one appointment —

    @GetMapping("/{id}")
    String detail(Viewer viewer, @PathVariable long id, Model model) {
        return detailPage(viewer, id, model, Map.of(), null);
    }

    @PostMapping("/{id}/cancel")
    String cancel(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, id, "cancelled", () -> appointments.cancel(viewer, id));
    }

    @GetMapping("/{id}/reschedule")
    String reschedulePage(Viewer viewer, @PathVariable long id, Model model) {
        AppointmentViews.Detail detail = appointments.detail(viewer, id);
        if (!detail.moves().reschedule()) {
            return "redirect:/appointments/" + id;
        }
        model.addAttribute("appointment", detail);
        model.addAttribute("days", slots.days(viewer, detail.studioId(), null, CampusTime.today(clock)
                .plusDays(27)));
        return TEMPLATES + "reschedule";
    }

    @PostMapping("/{id}/reschedule")
    String reschedule(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String slotId,
                      RedirectAttributes flash) {
        return act(flash, id, "rescheduled", () -> appointments.reschedule(viewer, id, number(slotId, "slotId")));
    }

    @PostMapping("/{id}/outcome")
    String outcome(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String outcome,
                   RedirectAttributes flash) {
        return act(flash, id, "outcome", () -> {
            AppointmentViews.Outcome o;
            try {
                o = AppointmentViews.Outcome.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("outcome", "appointment.web.unknownValue");
            }
            appointments.recordOutcome(viewer, id, o);
        });
    }

    @PostMapping("/{id}/note")
    String note(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String note, Model model,
                RedirectAttributes flash) {
        try {
            appointments.writeNote(viewer, id, note);
            flash.addFlashAttribute("success", errors.text("appointment.web.done.note"));
            return "redirect:/appointments/" + id;
        } catch (InvalidInput invalid) {
            return detailPage(viewer, id, model, errors.of(invalid, Set.of("note")), note);
        } catch (RuleViolation violation) {
            return detailPage(viewer, id, model, errors.of(violation), note);
        }
    }

    private String detailPage(Viewer viewer, long id, Model model, Map<String, String> problems, String typedNote) {
        AppointmentViews.Detail detail = appointments.detail(viewer, id);
        model.addAttribute("appointment", detail);
        model.addAttribute("errors", problems);
        model.addAttribute("note", typedNote != null ? typedNote : detail.note() == null ? "" : detail.note());
        return TEMPLATES + "detail";
    }

    private String act(RedirectAttributes flash, long id, String done, Runnable move) {
        try {
            move.run();
            flash.addFlashAttribute("success", errors.text("appointment.web.done." + done));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", errors.text(violation.code(), violation.args()));
        } catch (InvalidInput invalid) {
            flash.addFlashAttribute("error", String.join(" ", invalid.problems().stream()
                    .map(p -> errors.text(p.code(), p.args())).toList()));
        }
        return "redirect:/appointments/" + id;
    }

    private static Long number(String value, String field) {
        try {
            return value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "appointment.web.unknownValue");
        }
    }

    private static LocalDate parse(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
