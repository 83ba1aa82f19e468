package org.shouwang.community.web;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.shared.FormValues;
import org.shouwang.community.OrganisationKind;
import org.shouwang.community.OrganisationViews;
import org.shouwang.community.Organisations;
import org.shouwang.community.Position;
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
 * The pages of student organisations: the directory by kind (a student's own on top), one
 * organisation with its members, past members and activities, the administrators' form, and the
 * advisor's appointments. Everything goes through {@link Organisations}.
 */
@Controller
class OrganisationsController {

    private static final Set<String> ORGANISATION_FIELDS = Set.of("name", "kind", "advisorUsername", "description", "foundedOn");
    private static final Set<String> APPOINT_FIELDS = Set.of("studentNumber", "position", "termStart", "termEnd");
    private static final Set<String> MEMBER_FIELDS = Set.of("position", "from", "termEnd");

    private final Organisations organisations;
    private final FormErrors formErrors;

    OrganisationsController(Organisations organisations, FormErrors formErrors) {
        this.organisations = organisations;
        this.formErrors = formErrors;
    }

    // — the directory —

    @GetMapping("/organisations")
    String list(Viewer viewer, Model model) {
        Map<OrganisationKind, List<OrganisationViews.Summary>> byKind = new EnumMap<>(OrganisationKind.class);
        for (OrganisationViews.Summary s : organisations.list()) {
            byKind.computeIfAbsent(s.kind(), k -> new java.util.ArrayList<>()).add(s);
        }
        model.addAttribute("byKind", byKind);
        model.addAttribute("mine", organisations.mine(viewer));
        model.addAttribute("isStudent", viewer.studentId() != null);
        model.addAttribute("isAdmin", viewer.isAdmin());
        model.addAttribute("deactivated", organisations.deactivated(viewer));
        return "community-organisations/list";
    }

    // — the administrators' form —

    @GetMapping("/organisations/new")
    String newOrganisation(Viewer viewer, Model model) {
        requireAdmin(viewer);
        return form(OrganisationForms.OrganisationForm.empty(), null, Map.of(), model);
    }

    @PostMapping("/organisations")
    String create(Viewer viewer, @ModelAttribute("form") OrganisationForms.OrganisationForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        requireAdmin(viewer);
        try {
            long id = organisations.create(viewer, form.draft());
            flash.addFlashAttribute("success", formErrors.text("organisation.web.done.created"));
            return "redirect:/organisations/" + id;
        } catch (InvalidInput invalid) {
            return form(form, null, formErrors.of(invalid, ORGANISATION_FIELDS), model);
        }
    }

    @GetMapping("/organisations/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        requireAdmin(viewer);
        OrganisationViews.Detail d = organisations.detail(viewer, id);
        return form(OrganisationForms.OrganisationForm.of(d), d, Map.of(), model);
    }

    @PostMapping("/organisations/{id}")
    String revise(Viewer viewer, @PathVariable long id, @ModelAttribute("form") OrganisationForms.OrganisationForm form,
                  BindingResult binding, Model model, RedirectAttributes flash) {
        requireAdmin(viewer);
        OrganisationViews.Detail d = organisations.detail(viewer, id);
        try {
            organisations.revise(viewer, id, form.draft(), FormValues.version(form.version()));
            flash.addFlashAttribute("success", formErrors.text("organisation.web.done.revised"));
            return "redirect:/organisations/" + id;
        } catch (InvalidInput invalid) {
            return form(form, d, formErrors.of(invalid, ORGANISATION_FIELDS), model);
        } catch (RuleViolation violation) {
            return form(form, d, formErrors.of(violation), model);
        }
    }

    @PostMapping("/organisations/{id}/deactivate")
    String deactivate(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String version,
                      RedirectAttributes flash) {
        return activeness(viewer, id, version, false, flash);
    }

    @PostMapping("/organisations/{id}/reactivate")
    String reactivate(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String version,
                      RedirectAttributes flash) {
        return activeness(viewer, id, version, true, flash);
    }

    private String activeness(Viewer viewer, long id, String version, boolean active, RedirectAttributes flash) {
        requireAdmin(viewer);
        try {
            if (active) {
                organisations.reactivate(viewer, id, FormValues.version(version));
            } else {
                organisations.deactivate(viewer, id, FormValues.version(version));
            }
            flash.addFlashAttribute("success", formErrors.text(active ? "organisation.web.done.reactivated"
                    : "organisation.web.done.deactivated"));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", formErrors.of(violation).get(FormErrors.FORM));
        }
        return "redirect:/organisations/" + id;
    }

    // — one organisation and its members —

    @GetMapping("/organisations/{id}")
    String detail(Viewer viewer, @PathVariable long id, Model model) {
        return detailPage(viewer, id, OrganisationForms.AppointForm.empty(), Map.of(), null, null, Map.of(), model);
    }

    @PostMapping("/organisations/{id}/members")
    String appoint(Viewer viewer, @PathVariable long id, @ModelAttribute("appointForm") OrganisationForms.AppointForm form,
                   BindingResult binding, Model model, RedirectAttributes flash) {
        requireManager(viewer, id);
        try {
            Fields f = new Fields();
            Position position = OrganisationInput.position(form.position(), "position", f);
            LocalDate start = f.date(form.termStart(), "termStart");
            LocalDate end = f.date(form.termEnd(), "termEnd");
            f.check();
            organisations.appoint(viewer, id, form.studentNumber(), position, start, end);
            flash.addFlashAttribute("success", formErrors.text("organisation.web.done.appointed"));
            return "redirect:/organisations/" + id;
        } catch (InvalidInput invalid) {
            return detailPage(viewer, id, form, formErrors.of(invalid, APPOINT_FIELDS), null, null, Map.of(), model);
        } catch (RuleViolation violation) {
            return detailPage(viewer, id, form, formErrors.of(violation), null, null, Map.of(), model);
        }
    }

    @PostMapping("/organisations/{id}/members/{memberId}/end")
    String endTerm(Viewer viewer, @PathVariable long id, @PathVariable long memberId,
                   @ModelAttribute("memberForm") OrganisationForms.MemberForm form, BindingResult binding, Model model,
                   RedirectAttributes flash) {
        requireManager(viewer, id);
        try {
            Fields f = new Fields();
            LocalDate end = f.date(form.termEnd(), "termEnd");
            f.check();
            organisations.endTerm(viewer, id, memberId, end);
            flash.addFlashAttribute("success", formErrors.text("organisation.web.done.ended"));
            return "redirect:/organisations/" + id;
        } catch (InvalidInput invalid) {
            return detailPage(viewer, id, OrganisationForms.AppointForm.empty(), Map.of(), memberId, form,
                    formErrors.of(invalid, MEMBER_FIELDS), model);
        } catch (RuleViolation violation) {
            return detailPage(viewer, id, OrganisationForms.AppointForm.empty(), Map.of(), memberId, form,
                    formErrors.of(violation), model);
        }
    }

    @PostMapping("/organisations/{id}/members/{memberId}/position")
    String changePosition(Viewer viewer, @PathVariable long id, @PathVariable long memberId,
                          @ModelAttribute("memberForm") OrganisationForms.MemberForm form, BindingResult binding, Model model,
                          RedirectAttributes flash) {
        requireManager(viewer, id);
        try {
            Fields f = new Fields();
            Position position = OrganisationInput.position(form.position(), "position", f);
            LocalDate from = f.date(form.from(), "from");
            f.check();
            organisations.changePosition(viewer, id, memberId, position, from);
            flash.addFlashAttribute("success", formErrors.text("organisation.web.done.moved"));
            return "redirect:/organisations/" + id;
        } catch (InvalidInput invalid) {
            return detailPage(viewer, id, OrganisationForms.AppointForm.empty(), Map.of(), memberId, form,
                    formErrors.of(invalid, MEMBER_FIELDS), model);
        } catch (RuleViolation violation) {
            return detailPage(viewer, id, OrganisationForms.AppointForm.empty(), Map.of(), memberId, form,
                    formErrors.of(violation), model);
        }
    }

    // — helpers —

    private String detailPage(Viewer viewer, long id, OrganisationForms.AppointForm appointForm, Map<String, String> errors,
                              Long memberId, OrganisationForms.MemberForm memberForm, Map<String, String> memberErrors,
                              Model model) {
        OrganisationViews.Detail d = organisations.detail(viewer, id);
        model.addAttribute("d", d);
        model.addAttribute("isStaff", viewer.isStaff());
        model.addAttribute("positions", Position.values());
        model.addAttribute("appointForm", appointForm);
        model.addAttribute("errors", errors);
        model.addAttribute("memberId", memberId);
        model.addAttribute("memberForm", memberForm);
        model.addAttribute("memberErrors", memberErrors);
        model.addAttribute("times", new OrganisationInput.Times());
        return "community-organisations/detail";
    }

    private String form(OrganisationForms.OrganisationForm form, OrganisationViews.Detail d, Map<String, String> errors,
                        Model model) {
        model.addAttribute("form", form);
        model.addAttribute("d", d);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", OrganisationKind.values());
        return "community-organisations/form";
    }

    /** Only the advisor or an administrator may appoint: anyone else is answered as if there were nothing there. */
    private void requireManager(Viewer viewer, long id) {
        if (!organisations.mayManage(viewer, id)) {
            throw new NotFoundException("organisation", id);
        }
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw new NotFoundException("page", "organisations");
        }
    }
}
