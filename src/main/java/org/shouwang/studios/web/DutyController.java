package org.shouwang.studios.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import org.shouwang.shared.CampusTime;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.DutyQueries;
import org.shouwang.studios.DutyRosters;
import org.shouwang.studios.DutyViews;
import org.shouwang.studios.DutyWeek;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The duty pages (值班): who is on duty now (everyone), my shifts with "I'm here", the roster
 * keeper's week grid, and the coverage report. Everything goes through {@link DutyRosters} and
 * {@link DutyQueries}.
 */
@Controller
class DutyController {

    private static final Set<String> FIELDS = Set.of("username", "buildingId", "venue", "studioId", "start", "end");

    private final DutyRosters rosters;
    private final DutyQueries queries;
    private final FormErrors formErrors;
    private final java.time.Clock clock;

    DutyController(DutyRosters rosters, DutyQueries queries, FormErrors formErrors, java.time.Clock clock) {
        this.rosters = rosters;
        this.queries = queries;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    // — who is on duty now —

    @GetMapping("/duty")
    String now(Viewer viewer, @RequestParam(required = false) String building, @RequestParam(required = false) String studio,
               Model model) {
        model.addAttribute("now", queries.now(viewer, DutyForm.filter(building), DutyForm.filter(studio)));
        tabs(viewer, model);
        model.addAttribute("asOf", CampusTime.now(clock).toLocalDateTime());
        return "studios-duty/now";
    }

    /** Which duty pages the viewer has: the tabs above each. */
    private void tabs(Viewer viewer, Model model) {
        boolean keeper = rosters.keepsRosters(viewer);
        model.addAttribute("keeper", keeper);
        model.addAttribute("standsDuty", DutyQueries.standsDuty(viewer));
        model.addAttribute("mayCover", keeper || viewer.has(Role.LEADER));
    }

    // — my shifts —

    @GetMapping("/duty/mine")
    String mine(Viewer viewer, Model model) {
        model.addAttribute("shifts", queries.mine(viewer));
        tabs(viewer, model);
        model.addAttribute("today", CampusTime.today(clock));
        return "studios-duty/mine";
    }

    @PostMapping("/duty/shifts/{id}/arrival")
    String arrive(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        try {
            var shift = rosters.arrive(viewer, id);
            flash.addFlashAttribute("success", formErrors.text(shift.late() ? "duty.arrived.late" : "duty.arrived",
                    shift.arrivedAt().toLocalTime().withNano(0).toString()));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", formErrors.text(violation.code(), violation.args()));
        }
        return "redirect:/duty/mine";
    }

    // — the week grid —

    @GetMapping("/duty/roster")
    String roster(Viewer viewer, @RequestParam(required = false) String week, @RequestParam(required = false) String studio,
                  @RequestParam(required = false) String building, Model model) {
        Long studioId = DutyForm.filter(studio);
        Long buildingId = DutyForm.filter(building);
        return rosterPage(viewer, week(week, model), studioId, buildingId, DutyForm.empty(studioId, buildingId), Map.of(), model);
    }

    @PostMapping("/duty/roster")
    String add(Viewer viewer, @ModelAttribute("form") DutyForm form, @RequestParam(required = false) String week,
               Model model, RedirectAttributes flash) {
        DutyWeek shown = week(week, model);
        try {
            rosters.plan(viewer, form.draft());
            DutyWeek of = DutyWeek.of(LocalDate.parse(form.start().strip().substring(0, 10)));
            flash.addFlashAttribute("success", formErrors.text("duty.planned"));
            return "redirect:" + rosterUrl(of, null, null);
        } catch (InvalidInput invalid) {
            return rosterPage(viewer, shown, null, null, form, formErrors.of(invalid, FIELDS), model);
        } catch (RuleViolation violation) {
            return rosterPage(viewer, shown, null, null, form, formErrors.of(violation), model);
        }
    }

    @PostMapping("/duty/roster/shifts/{id}/remove")
    String remove(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String week,
                  @RequestParam(required = false) String studio, RedirectAttributes flash, Model model) {
        DutyWeek shown = week(week, model);
        try {
            rosters.remove(viewer, id);
            flash.addFlashAttribute("success", formErrors.text("duty.removed"));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", formErrors.text(violation.code(), violation.args()));
        }
        return "redirect:" + rosterUrl(shown, DutyForm.filter(studio), null);
    }

    @PostMapping("/duty/roster/copy")
    String copy(Viewer viewer, @RequestParam(required = false) String week, @RequestParam(required = false) String studio,
                RedirectAttributes flash, Model model) {
        DutyWeek shown = week(week, model);
        Long studioId = DutyForm.filter(studio);
        DutyViews.Copied copied = rosters.copyPreviousWeek(viewer, shown, studioId);
        flash.addFlashAttribute("success", formErrors.text("duty.copied", copied.copied(), copied.overlapping(), copied.past()));
        return "redirect:" + rosterUrl(shown, studioId, null);
    }

    private String rosterPage(Viewer viewer, DutyWeek week, Long studioId, Long buildingId, DutyForm form,
                              Map<String, String> errors, Model model) {
        model.addAttribute("week", queries.week(viewer, week, studioId, buildingId));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("maxHours", DutyRosters.MAX_HOURS);
        tabs(viewer, model);
        return "studios-duty/roster";
    }

    /** The week asked for, or this week when it cannot be read (then a note says so). */
    private DutyWeek week(String text, Model model) {
        if (text == null || text.isBlank()) {
            return DutyWeek.current(clock);
        }
        try {
            return DutyWeek.parse(text, "week");
        } catch (InvalidInput invalid) {
            model.addAttribute("weekError", formErrors.text("duty.badWeek", text.strip()));
            return DutyWeek.current(clock);
        }
    }

    private static String rosterUrl(DutyWeek week, Long studioId, Long buildingId) {
        return UriComponentsBuilder.fromPath("/duty/roster").queryParam("week", week.text())
                .queryParamIfPresent("studio", java.util.Optional.ofNullable(studioId))
                .queryParamIfPresent("building", java.util.Optional.ofNullable(buildingId)).toUriString();
    }

    // — coverage —

    @GetMapping("/duty/coverage")
    String coverage(Viewer viewer, @RequestParam(required = false) String week, @RequestParam(required = false) String month,
                    @RequestParam(required = false) String studio, Model model) {
        LocalDate from;
        LocalDate to;
        String period;
        YearMonth ym = month(month);
        if (ym != null) {
            from = ym.atDay(1);
            to = ym.atEndOfMonth();
            period = "month";
        } else {
            DutyWeek w = week(week, model);
            from = w.monday();
            to = w.sunday();
            period = "week";
            model.addAttribute("weekText", w.text());
            model.addAttribute("previousWeek", w.previous().text());
            model.addAttribute("nextWeek", w.next().text());
        }
        YearMonth shownMonth = ym != null ? ym : YearMonth.from(from);
        model.addAttribute("coverage", queries.coverage(viewer, from, to, DutyForm.filter(studio)));
        model.addAttribute("period", period);
        tabs(viewer, model);
        model.addAttribute("monthText", shownMonth.toString());
        model.addAttribute("previousMonth", shownMonth.minusMonths(1).toString());
        model.addAttribute("nextMonth", shownMonth.plusMonths(1).toString());
        return "studios-duty/coverage";
    }

    private static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            YearMonth ym = YearMonth.parse(text.strip());
            return ym.getYear() >= 2000 && ym.getYear() <= 2100 ? ym : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
