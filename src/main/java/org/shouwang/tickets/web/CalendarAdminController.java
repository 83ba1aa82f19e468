package org.shouwang.tickets.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;

import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.BusinessCalendar;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The business calendar for administrators: working periods, a year's holidays and make-up
 * working days (one day or a range at once), terms and vacations, and a deadline calculator that
 * answers exactly as the request deadlines are computed.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final BusinessCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    CalendarAdminController(BusinessCalendar calendar, MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer year, Model model) {
        return page(year(year), model);
    }

    /** The calculator: answers with its fragment to htmx, or with the whole page. */
    @GetMapping("/deadline")
    String deadline(@RequestParam(required = false) Integer year, @Validated @ModelAttribute("deadline") CalendarForms.Deadline form,
                    BindingResult errors, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        if (!errors.hasErrors()) {
            try {
                model.addAttribute("due", CalendarMonths.due(calendar, clock.getZone(), form));
            } catch (IllegalArgumentException beyond) {
                errors.rejectValue("hours", "businessCalendar.beyondHorizon", "businessCalendar.beyondHorizon");
            }
        }
        if (htmx != null) {
            return "tickets-admin/calendar :: calculator";
        }
        return page(year(year), model);
    }

    @PostMapping("/periods")
    String periods(Viewer admin, @RequestParam(required = false) Integer year, @ModelAttribute("periods") CalendarForms.Periods form, BindingResult errors,
                   Model model, RedirectAttributes flash) {
        try {
            calendar.setPeriods(admin, form.periods());
            flash.addFlashAttribute("success", text("businessCalendar.periodsSaved"));
            return redirect(year(year), "periods");
        } catch (InvalidInput invalid) {
            invalid.problems().forEach(p -> errors.reject(p.code(), p.args(), p.code()));
            return page(year(year), model);
        }
    }

    @PostMapping("/days")
    String day(Viewer admin, @RequestParam(required = false) Integer year, @Validated @ModelAttribute("day") CalendarForms.Day form, BindingResult errors,
               Model model, RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return page(year(year), model);
        }
        calendar.setDay(admin, form.toDay());
        flash.addFlashAttribute("success", text("businessCalendar.daySaved", form.day().toString(), form.name().trim()));
        return redirect(form.day().getYear(), "days");
    }

    @PostMapping("/days/range")
    String range(Viewer admin, @RequestParam(required = false) Integer year, @Validated @ModelAttribute("range") CalendarForms.DayRange form,
                 BindingResult errors, Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                List<BusinessCalendar.Day> days = form.days();
                calendar.setDays(admin, days);
                flash.addFlashAttribute("success", text("businessCalendar.rangeSaved", days.size(), form.name().trim(),
                        form.from().toString(), form.to().toString()));
                return redirect(form.from().getYear(), "days");
            } catch (InvalidInput invalid) {
                AdminFormErrors.reject(errors, invalid);
            }
        }
        return page(year(year), model);
    }

    @PostMapping("/days/remove")
    String removeDay(Viewer admin, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                     RedirectAttributes flash) {
        try {
            calendar.removeDay(admin, day);
            flash.addFlashAttribute("success", text("businessCalendar.dayRemoved", day.toString()));
        } catch (NotFoundException missing) {
            flash.addFlashAttribute("error", text("businessCalendar.noSuchDay", day.toString()));
        }
        return redirect(day.getYear(), "days");
    }

    @PostMapping("/terms")
    String term(Viewer admin, @RequestParam(required = false) Integer year, @Validated @ModelAttribute("term") CalendarForms.Term form,
                BindingResult errors, Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                calendar.addTerm(admin, form.name().trim(), form.kind(), form.starts(), form.ends());
                flash.addFlashAttribute("success", text("businessCalendar.termAdded", form.name().trim()));
                return redirect(year(year), "terms");
            } catch (InvalidInput invalid) {
                AdminFormErrors.reject(errors, invalid);
            }
        }
        return page(year(year), model);
    }

    @PostMapping("/terms/remove")
    String removeTerm(Viewer admin, @RequestParam(required = false) Integer year, @RequestParam long id, RedirectAttributes flash) {
        try {
            calendar.removeTerm(admin, id);
            flash.addFlashAttribute("success", text("businessCalendar.termRemoved"));
        } catch (NotFoundException missing) {
            flash.addFlashAttribute("error", text("businessCalendar.noSuchTerm"));
        }
        return redirect(year(year), "terms");
    }

    private String page(int year, Model model) {
        List<BusinessCalendar.Day> days = calendar.days(year);
        List<BusinessCalendar.Term> terms = calendar.terms();
        model.addAttribute("year", year);
        model.addAttribute("years", IntStream.rangeClosed(Math.max(FIRST_YEAR, today().getYear() - 2),
                Math.min(LAST_YEAR, today().getYear() + 3)).boxed().toList());
        model.addAttribute("days", days);
        model.addAttribute("terms", terms);
        model.addAttribute("months", CalendarMonths.of(year, days, terms));
        model.addAttribute("weekdays", CalendarMonths.WEEK);
        model.addAttribute("dayKinds", BusinessCalendar.DayKind.values());
        model.addAttribute("termKinds", BusinessCalendar.TermKind.values());
        model.addAttribute("zone", clock.getZone().getId());
        if (!model.containsAttribute("periods")) {
            model.addAttribute("periods", CalendarForms.Periods.of(calendar.periods()));
        }
        if (!model.containsAttribute("day")) {
            model.addAttribute("day", new CalendarForms.Day(null, BusinessCalendar.DayKind.HOLIDAY, ""));
        }
        if (!model.containsAttribute("range")) {
            model.addAttribute("range", new CalendarForms.DayRange(null, null, BusinessCalendar.DayKind.HOLIDAY, ""));
        }
        if (!model.containsAttribute("term")) {
            model.addAttribute("term", new CalendarForms.Term("", BusinessCalendar.TermKind.TERM, null, null));
        }
        if (!model.containsAttribute("deadline")) {
            model.addAttribute("deadline", new CalendarForms.Deadline(LocalDateTime.now(clock).withSecond(0).withNano(0), 8, false));
        }
        return "tickets-admin/calendar";
    }

    private int year(Integer year) {
        return year == null || year < FIRST_YEAR || year > LAST_YEAR ? today().getYear() : year;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String redirect(int year, String section) {
        return "redirect:/admin/calendar?year=" + year + "#" + section;
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
