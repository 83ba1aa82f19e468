package org.shouwang.governance.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import org.shouwang.shared.FormValues;
import org.shouwang.governance.ActionItemDraft;
import org.shouwang.governance.ActionItemStatus;
import org.shouwang.governance.ActionItems;
import org.shouwang.governance.GovernanceViews;
import org.shouwang.governance.GoverningBodies;
import org.shouwang.governance.GoverningBodyDraft;
import org.shouwang.governance.GoverningBodyKind;
import org.shouwang.governance.MeetingDraft;
import org.shouwang.governance.MeetingKind;
import org.shouwang.governance.Meetings;
import org.shouwang.shared.Fields;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The governance pages: bodies and the year's meetings with their counts, one meeting with its
 * agenda, attendance, minutes and decisions, the action items (a department's own, or all), and the
 * forms. Everything goes through {@link GoverningBodies}, {@link Meetings} and {@link ActionItems}.
 */
@Controller
class GovernanceController {

    private static final Set<String> BODY_FIELDS = Set.of("name", "kind", "description", "chairs", "members");
    private static final Set<String> MEETING_FIELDS = Set.of("bodyId", "kind", "title", "heldAt", "place", "agenda", "attendees");
    private static final Set<String> MINUTES_FIELDS = Set.of("minutes", "present");
    private static final Set<String> DECISION_FIELDS = Set.of("decision", "departmentId", "deadline");
    private static final Set<String> ITEM_FIELDS = Set.of("status", "note");

    private final GoverningBodies bodies;
    private final Meetings meetings;
    private final ActionItems actions;
    private final FormErrors formErrors;

    GovernanceController(GoverningBodies bodies, Meetings meetings, ActionItems actions, FormErrors formErrors) {
        this.bodies = bodies;
        this.meetings = meetings;
        this.actions = actions;
        this.formErrors = formErrors;
    }

    @GetMapping("/governance")
    String overview(Viewer viewer, @RequestParam(required = false) String year, Model model) {
        Integer y = null;
        try {
            y = year == null || year.isBlank() ? null : Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            y = null;
        }
        if (y != null && (y < 2000 || y > 2100)) {
            y = null;
        }
        model.addAttribute("o", meetings.overview(viewer, y));
        model.addAttribute("times", new GovernanceInput.Times());
        return "governance/overview";
    }

    // — bodies (administrators) —

    @GetMapping("/governance/bodies/new")
    String newBody(Viewer viewer, Model model) {
        requireAdmin(viewer);
        return bodyForm(GovernanceForms.BodyForm.empty(), null, Map.of(), model);
    }

    @PostMapping("/governance/bodies")
    String createBody(Viewer viewer, @ModelAttribute("form") GovernanceForms.BodyForm form, BindingResult binding, Model model,
                      RedirectAttributes flash) {
        requireAdmin(viewer);
        try {
            bodies.create(viewer, bodyDraft(form));
            flash.addFlashAttribute("success", formErrors.text("governance.body.web.created"));
            return "redirect:/governance";
        } catch (InvalidInput invalid) {
            return bodyForm(form, null, formErrors.of(invalid, BODY_FIELDS), model);
        }
    }

    @GetMapping("/governance/bodies/{id}/edit")
    String editBody(Viewer viewer, @PathVariable long id, Model model) {
        requireAdmin(viewer);
        return bodyForm(GovernanceForms.BodyForm.of(bodies.body(viewer, id)), id, Map.of(), model);
    }

    @PostMapping("/governance/bodies/{id}")
    String reviseBody(Viewer viewer, @PathVariable long id, @ModelAttribute("form") GovernanceForms.BodyForm form,
                      BindingResult binding, Model model, RedirectAttributes flash) {
        requireAdmin(viewer);
        try {
            bodies.revise(viewer, id, bodyDraft(form), FormValues.version(form.version()));
            flash.addFlashAttribute("success", formErrors.text("governance.body.web.revised"));
            return "redirect:/governance";
        } catch (InvalidInput invalid) {
            return bodyForm(form, id, formErrors.of(invalid, BODY_FIELDS), model);
        } catch (RuleViolation violation) {
            return bodyForm(form, id, formErrors.of(violation), model);
        }
    }

    private static GoverningBodyDraft bodyDraft(GovernanceForms.BodyForm form) {
        Fields f = new Fields();
        GoverningBodyKind kind = f.choice(GoverningBodyKind.class, form.kind(), "kind");
        f.check();
        return new GoverningBodyDraft(form.name(), kind, form.description(), GovernanceInput.usernames(form.chairs()),
                GovernanceInput.usernames(form.members()));
    }

    private String bodyForm(GovernanceForms.BodyForm form, Long id, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("bodyId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", GoverningBodyKind.values());
        return "governance/body-form";
    }

    // — meetings —

    @GetMapping("/governance/meetings/new")
    String newMeeting(Viewer viewer, @RequestParam(required = false) String body, Model model) {
        requireRecorder(viewer);
        return meetingForm(viewer, GovernanceForms.MeetingForm.empty(body), Map.of(), model);
    }

    @PostMapping("/governance/meetings")
    String schedule(Viewer viewer, @ModelAttribute("form") GovernanceForms.MeetingForm form, BindingResult binding, Model model,
                    RedirectAttributes flash) {
        requireRecorder(viewer);
        try {
            long id = meetings.schedule(viewer, meetingDraft(form.bodyId(), form.kind(), form.title(), form.heldAt(), form.place(),
                    GovernanceInput.lines(form.agenda()), GovernanceInput.usernames(form.attendees())));
            flash.addFlashAttribute("success", formErrors.text("governance.meeting.web.scheduled"));
            return "redirect:/governance/meetings/" + id;
        } catch (InvalidInput invalid) {
            return meetingForm(viewer, form, formErrors.of(invalid, MEETING_FIELDS), model);
        }
    }

    static MeetingDraft meetingDraft(String bodyId, String kind, String title, String heldAt, String place,
                                     java.util.List<String> agenda, java.util.List<String> attendees) {
        Fields f = new Fields();
        Long body = f.id(bodyId, "bodyId");
        MeetingKind k = f.choice(MeetingKind.class, kind, "kind");
        LocalDateTime at = f.dateTime(heldAt, "heldAt");
        f.check();
        return new MeetingDraft(body, k, title, at, place, agenda, attendees);
    }

    private String meetingForm(Viewer viewer, GovernanceForms.MeetingForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("bodies", bodies.list(viewer));
        model.addAttribute("kinds", MeetingKind.values());
        return "governance/meeting-form";
    }

    @GetMapping("/governance/meetings/{id}")
    String meeting(Viewer viewer, @PathVariable long id, Model model) {
        return meetingPage(viewer, id, null, Map.of(), GovernanceForms.DecisionForm.empty(), Map.of(), model);
    }

    @PostMapping("/governance/meetings/{id}/minutes")
    String minutes(Viewer viewer, @PathVariable long id, @ModelAttribute("minutesForm") GovernanceForms.MinutesForm form,
                   BindingResult binding, Model model, RedirectAttributes flash) {
        requireRecorder(viewer);
        boolean finish = form.finish() != null && !form.finish().isBlank();
        try {
            meetings.recordMinutes(viewer, id, form.minutes(), form.present(), finish, FormValues.version(form.version()));
            flash.addFlashAttribute("success", formErrors.text(finish ? "governance.meeting.web.finished"
                    : "governance.meeting.web.minutesSaved"));
            return "redirect:/governance/meetings/" + id;
        } catch (InvalidInput invalid) {
            return meetingPage(viewer, id, form, formErrors.of(invalid, MINUTES_FIELDS), GovernanceForms.DecisionForm.empty(),
                    Map.of(), model);
        } catch (RuleViolation violation) {
            return meetingPage(viewer, id, form, formErrors.of(violation), GovernanceForms.DecisionForm.empty(), Map.of(), model);
        }
    }

    @PostMapping("/governance/meetings/{id}/decisions")
    String decide(Viewer viewer, @PathVariable long id, @ModelAttribute("decisionForm") GovernanceForms.DecisionForm form,
                  BindingResult binding, Model model, RedirectAttributes flash) {
        requireRecorder(viewer);
        try {
            meetings.decide(viewer, id, decisionDraft(form.decision(), form.departmentId(), form.deadline()));
            flash.addFlashAttribute("success", formErrors.text("governance.meeting.web.decided"));
            return "redirect:/governance/meetings/" + id;
        } catch (InvalidInput invalid) {
            return meetingPage(viewer, id, null, Map.of(), form, formErrors.of(invalid, DECISION_FIELDS), model);
        }
    }

    static ActionItemDraft decisionDraft(String decision, String departmentId, String deadline) {
        Fields f = new Fields();
        Long department = f.id(departmentId, "departmentId");
        LocalDate day = f.date(deadline, "deadline");
        f.check();
        return new ActionItemDraft(decision, department, day);
    }

    private String meetingPage(Viewer viewer, long id, GovernanceForms.MinutesForm minutesForm, Map<String, String> minutesErrors,
                               GovernanceForms.DecisionForm decisionForm, Map<String, String> decisionErrors, Model model) {
        GovernanceViews.Meeting m = meetings.meeting(viewer, id);
        model.addAttribute("m", m);
        model.addAttribute("minutesForm", minutesForm != null ? minutesForm
                : new GovernanceForms.MinutesForm(m.minutes() == null ? "" : m.minutes(),
                m.attendees().stream().filter(a -> a.attendance().name().equals("PRESENT"))
                        .map(GovernanceViews.Attendee::accountId).toList(), null, String.valueOf(m.version())));
        model.addAttribute("minutesErrors", minutesErrors);
        model.addAttribute("decisionForm", decisionForm);
        model.addAttribute("decisionErrors", decisionErrors);
        model.addAttribute("departments", meetings.departments());
        model.addAttribute("times", new GovernanceInput.Times());
        return "governance/meeting";
    }

    // — action items —

    @GetMapping("/governance/actions")
    String actions(Viewer viewer, @RequestParam(required = false) String mine, Model model) {
        boolean own = mine != null || !bodies.mayRead(viewer);
        model.addAttribute("items", actions.list(viewer, own));
        model.addAttribute("mine", own);
        model.addAttribute("mayReadAll", bodies.mayRead(viewer));
        model.addAttribute("hasDepartment", actions.inADepartment(viewer));
        return "governance/actions";
    }

    @GetMapping("/governance/actions/{id}")
    String item(Viewer viewer, @PathVariable long id, Model model) {
        return itemPage(viewer, id, Map.of(), null, model);
    }

    @PostMapping("/governance/actions/{id}/progress")
    String progress(Viewer viewer, @PathVariable long id, @ModelAttribute("progressForm") GovernanceForms.ProgressForm form,
                    BindingResult binding, Model model, RedirectAttributes flash) {
        try {
            Fields f = new Fields();
            ActionItemStatus status = f.choice(ActionItemStatus.class, form.status(), "status");
            f.check();
            actions.progress(viewer, id, status, form.note(), FormValues.version(form.version()));
            flash.addFlashAttribute("success", formErrors.text("governance.action.web.progressed"));
            return "redirect:/governance/actions/" + id;
        } catch (InvalidInput invalid) {
            return itemPage(viewer, id, formErrors.of(invalid, ITEM_FIELDS), "progress", model);
        } catch (RuleViolation violation) {
            return itemPage(viewer, id, formErrors.of(violation), "progress", model);
        }
    }

    @PostMapping("/governance/actions/{id}/close")
    String close(Viewer viewer, @PathVariable long id, @ModelAttribute("closeForm") GovernanceForms.CloseForm form,
                 BindingResult binding, Model model, RedirectAttributes flash) {
        try {
            actions.close(viewer, id, form.note(), FormValues.version(form.version()));
            flash.addFlashAttribute("success", formErrors.text("governance.action.web.closed"));
            return "redirect:/governance/actions/" + id;
        } catch (InvalidInput invalid) {
            return itemPage(viewer, id, formErrors.of(invalid, ITEM_FIELDS), "close", model);
        } catch (RuleViolation violation) {
            return itemPage(viewer, id, formErrors.of(violation), "close", model);
        }
    }

    private String itemPage(Viewer viewer, long id, Map<String, String> errors, String failed, Model model) {
        model.addAttribute("a", actions.item(viewer, id));
        model.addAttribute("errors", errors);
        model.addAttribute("failed", failed);
        model.addAttribute("mayReadAll", bodies.mayRead(viewer));
        model.addAttribute("times", new GovernanceInput.Times());
        return "governance/action";
    }

    // — helpers —

    private void requireRecorder(Viewer viewer) {
        if (!bodies.mayRecord(viewer)) {
            throw new NotFoundException("page", "governance");
        }
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw new NotFoundException("page", "governance/bodies");
        }
    }
}
