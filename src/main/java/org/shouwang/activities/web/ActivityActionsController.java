package org.shouwang.activities.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityState;
import org.shouwang.activities.ActivityViews;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.RegistrationState;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.MessageArguments;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moves on one activity, one form each, as its page (or the list of those waiting for
 * approval) offers them. Each posts, goes back and says there what happened: done, or why not in
 * the user's language, with what they typed kept. The organiser's and approver's forms carry the
 * version the page showed, so that a move on an activity someone changed meanwhile is refused.
 */
@Controller
@RequestMapping("/activities/{id}")
class ActivityActionsController {

    private final Activities activities;
    private final CheckIns checkIns;
    private final MessageSource messages;

    ActivityActionsController(Activities activities, CheckIns checkIns, MessageSource messages) {
        this.activities = activities;
        this.checkIns = checkIns;
        this.messages = messages;
    }

    // — the organiser and the approver —

    @PostMapping("/submit")
    String submit(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String version, RedirectAttributes flash) {
        return act(flash, id, null, "SUBMIT", Map.of(), () -> activities.submit(viewer, id, version(version)));
    }

    @PostMapping("/approve")
    String approve(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String version,
                   @RequestParam(required = false) String back, RedirectAttributes flash) {
        return act(flash, id, back, "APPROVE", Map.of(), () -> activities.approve(viewer, id, version(version)));
    }

    @PostMapping("/reject")
    String reject(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String version,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String back,
                  RedirectAttributes flash) {
        return act(flash, id, back, "REJECT", Map.of("reason", reason),
                () -> activities.reject(viewer, id, reason, version(version)));
    }

    @PostMapping("/cancel")
    String cancel(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String version,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return act(flash, id, null, "CANCEL", Map.of("reason", reason),
                () -> activities.cancel(viewer, id, reason, version(version)));
    }

    /** The organiser grants or refuses a student's leave. */
    @PostMapping("/leave-decision")
    String decideLeave(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String student,
                       @RequestParam(defaultValue = "") String decision, RedirectAttributes flash) {
        boolean grant = "grant".equals(decision);
        return act(flash, id, null, grant ? "GRANT_LEAVE" : "REFUSE_LEAVE", Map.of(), () -> {
            if (!grant && !"refuse".equals(decision)) {
                throw new InvalidInput("decision", "activity.web.unknownValue");
            }
            activities.decideLeave(viewer, id, studentId(student), grant);
        });
    }

    /** Student numbers typed by hand at the activity: says which were recorded, which already were, which are unknown. */
    @PostMapping("/attendance/manual")
    String manualAttendance(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String studentNumbers,
                            RedirectAttributes flash) {
        return act(flash, id, null, "ATTENDANCE", Map.of("studentNumbers", studentNumbers), () -> {
            CheckIns.Entered entered = checkIns.manual(viewer, id, studentNumbers);
            // Lists that can live in the session until the page is shown.
            flash.addFlashAttribute("recorded", new ArrayList<>(entered.recorded()));
            flash.addFlashAttribute("already", new ArrayList<>(entered.already()));
            flash.addFlashAttribute("unknown", new ArrayList<>(entered.unknown()));
        });
    }

    // — the student —

    @PostMapping("/register")
    String register(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        try {
            ActivityViews.Outcome outcome = activities.register(viewer, id);
            flash.addFlashAttribute("success", outcome.state() == RegistrationState.WAITLISTED
                    ? text("activity.web.done.waitlisted", String.valueOf(outcome.waitlistPosition()))
                    : text("activity.web.done.registered"));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", text(violation.code(), readable(violation.args())));
        }
        return "redirect:/activities/" + id;
    }

    @PostMapping("/registration/cancel")
    String cancelRegistration(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, id, null, "CANCEL_REGISTRATION", Map.of(), () -> activities.cancelRegistration(viewer, id));
    }

    @PostMapping("/leave")
    String askLeave(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return act(flash, id, null, "ASK_LEAVE", Map.of("reason", reason), () -> activities.askLeave(viewer, id, reason));
    }

    /**
     * Runs one move. Done: says so. Refused by a rule or for its input: says why, keeps what was
     * typed and opens that form again. An activity the viewer may not see is a 404, as everywhere.
     */
    private String act(RedirectAttributes flash, long id, String back, String action, Map<String, String> typed, Runnable move) {
        try {
            move.run();
            flash.addFlashAttribute("success", text("activity.web.done." + action));
        } catch (RuleViolation violation) {
            refused(flash, action, typed, text(violation.code(), readable(violation.args())));
        } catch (InvalidInput invalid) {
            refused(flash, action, typed, invalid.problems().stream()
                    .map(p -> label(p.field()) + text(p.code(), MessageArguments.plain(p.args())))
                    .collect(Collectors.joining(" ")));
        }
        return "redirect:" + ("pending".equals(back) ? "/activities?scope=PENDING" : "/activities/" + id);
    }

    private void refused(RedirectAttributes flash, String action, Map<String, String> typed, String reason) {
        flash.addFlashAttribute("error", reason);
        flash.addFlashAttribute("openAction", action);
        flash.addFlashAttribute("typed", new LinkedHashMap<>(typed));
    }

    /** "Reason: " before the message of a field the page names, nothing otherwise. */
    private String label(String field) {
        String label = messages.getMessage("activity.web.field." + field, null, null, LocaleContextHolder.getLocale());
        return label == null ? "" : label + text("activity.web.field.separator");
    }

    private Object[] readable(Object[] args) {
        Object[] words = MessageArguments.plain(args);
        for (int i = 0; i < words.length; i++) {
            if (words[i] instanceof String s && ActivitiesController.parse(ActivityState.class, s) != null) {
                words[i] = text("activity.state." + s);
            }
        }
        return words;
    }

    private static Integer version(String version) {
        try {
            return version == null || version.isBlank() ? null : Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("version", "activity.web.wholeNumber");
        }
    }

    private static long studentId(String student) {
        try {
            return Long.parseLong(student.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("student", "activity.web.unknownValue");
        }
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
