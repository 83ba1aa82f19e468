package org.shouwang.party.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.shared.FormValues;
import org.shouwang.identity.Accounts;
import org.shouwang.party.CommitteePosition;
import org.shouwang.party.PartyMemberStatus;
import org.shouwang.party.PartyMemberViews;
import org.shouwang.party.PartyMembers;
import org.shouwang.party.PartyOrganisationKind;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.PartyViews;
import org.shouwang.people.People;
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
 * The Party pages: the tree with secretaries, committees and member counts; one organisation with
 * its committee and (for Party roles) its members; one member with their history; the viewer's own
 * status; the administrators' form. Everything goes through {@link PartyOrganisations} and
 * {@link PartyMembers}.
 */
@Controller
class PartyController {

    private static final Set<String> ORGANISATION_FIELDS = Set.of("name", "kind", "parentId", "collegeId", "secretaryUsername",
            "description", "foundedOn");
    private static final Set<String> MEMBER_FIELDS = Set.of("number", "status", "appliedOn", "activistOn", "probationaryOn", "fullOn");
    private static final Set<String> SEAT_FIELDS = Set.of("username", "position");
    private static final Set<String> STATUS_FIELDS = Set.of("status", "on", "appliedOn", "activistOn", "probationaryOn", "fullOn");
    private static final Set<String> TRANSFER_FIELDS = Set.of("organisationId", "note");
    private static final Set<String> LEAVE_FIELDS = Set.of("on", "reason");

    private final PartyOrganisations organisations;
    private final PartyMembers members;
    private final Accounts accounts;
    private final People people;
    private final FormErrors formErrors;

    PartyController(PartyOrganisations organisations, PartyMembers members, Accounts accounts, People people, FormErrors formErrors) {
        this.organisations = organisations;
        this.members = members;
        this.accounts = accounts;
        this.people = people;
        this.formErrors = formErrors;
    }

    @ModelAttribute("times")
    PartyInput.Times times() {
        return new PartyInput.Times();
    }

    // — the tree —

    @GetMapping("/party")
    String tree(Viewer viewer, Model model) {
        model.addAttribute("nodes", organisations.tree());
        model.addAttribute("counts", members.counts());
        model.addAttribute("committees", organisations.committees());
        model.addAttribute("none", PartyMemberViews.Counts.NONE);
        model.addAttribute("managed", organisations.managedBy(viewer));
        model.addAttribute("isAdmin", viewer.isAdmin());
        return "party/tree";
    }

    @GetMapping("/party/me")
    String me(Viewer viewer, Model model) {
        model.addAttribute("mine", members.mine(viewer).orElse(null));
        return "party/me";
    }

    // — one organisation —

    @GetMapping("/party/{id}")
    String organisation(Viewer viewer, @PathVariable long id, Model model) {
        return organisationPage(viewer, id, PartyForms.MemberForm.empty(), Map.of(), PartyForms.SeatForm.empty(), Map.of(), model);
    }

    @PostMapping("/party/{id}/members")
    String add(Viewer viewer, @PathVariable long id, @ModelAttribute("memberForm") PartyForms.MemberForm form, BindingResult binding,
               Model model, RedirectAttributes flash) {
        requireManager(viewer, id);
        try {
            long member = members.add(viewer, id, form.draft());
            flash.addFlashAttribute("success", formErrors.text("party.web.done.added"));
            return "redirect:/party/" + id + "#member-" + member;
        } catch (InvalidInput invalid) {
            return organisationPage(viewer, id, form, formErrors.of(invalid, MEMBER_FIELDS), PartyForms.SeatForm.empty(), Map.of(), model);
        } catch (RuleViolation violation) {
            return organisationPage(viewer, id, form, formErrors.of(violation), PartyForms.SeatForm.empty(), Map.of(), model);
        }
    }

    @PostMapping("/party/{id}/committee")
    String seat(Viewer viewer, @PathVariable long id, @ModelAttribute("seatForm") PartyForms.SeatForm form, BindingResult binding,
                Model model, RedirectAttributes flash) {
        requireManager(viewer, id);
        try {
            Fields f = new Fields();
            CommitteePosition position = f.choice(CommitteePosition.class, form.position(), "position");
            f.check();
            organisations.seat(viewer, id, form.username(), position);
            flash.addFlashAttribute("success", formErrors.text("party.web.done.seated"));
            return "redirect:/party/" + id;
        } catch (InvalidInput invalid) {
            return organisationPage(viewer, id, PartyForms.MemberForm.empty(), Map.of(), form, formErrors.of(invalid, SEAT_FIELDS), model);
        }
    }

    private String organisationPage(Viewer viewer, long id, PartyForms.MemberForm memberForm, Map<String, String> memberErrors,
                                    PartyForms.SeatForm seatForm, Map<String, String> seatErrors, Model model) {
        PartyViews.Organisation o = organisations.organisation(id);
        boolean manageable = organisations.manages(viewer, id);
        if (!o.active() && !manageable) {
            throw new NotFoundException("party-organisation", id);
        }
        boolean seesStatus = members.seesStatus(viewer);
        model.addAttribute("o", o);
        model.addAttribute("counts", members.counts().getOrDefault(id, PartyMemberViews.Counts.NONE));
        model.addAttribute("roster", seesStatus ? members.roster(viewer, id) : null);
        model.addAttribute("children", organisations.tree().stream().filter(n -> n.parentId() != null && n.parentId() == id).toList());
        model.addAttribute("college", o.collegeId() == null ? null : people.collegeNames().get(o.collegeId()));
        model.addAttribute("manageable", manageable);
        model.addAttribute("isAdmin", viewer.isAdmin());
        model.addAttribute("memberForm", memberForm);
        model.addAttribute("memberErrors", memberErrors);
        model.addAttribute("seatForm", seatForm);
        model.addAttribute("seatErrors", seatErrors);
        model.addAttribute("statuses", PartyMemberStatus.values());
        model.addAttribute("positions", CommitteePosition.values());
        return "party/organisation";
    }

    // — the administrators' form —

    @GetMapping("/party/new")
    String newOrganisation(Viewer viewer, @RequestParam(required = false) Long parentId, Model model) {
        requireAdmin(viewer);
        PartyForms.OrganisationForm empty = PartyForms.OrganisationForm.empty();
        if (parentId != null) {
            empty = new PartyForms.OrganisationForm("", "BRANCH", parentId.toString(), false, "", "", "", "", "");
        }
        return form(empty, null, Map.of(), model);
    }

    @PostMapping("/party")
    String create(Viewer viewer, @ModelAttribute("form") PartyForms.OrganisationForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        requireAdmin(viewer);
        try {
            long id = organisations.create(viewer, form.draft());
            flash.addFlashAttribute("success", formErrors.text("party.web.done.created"));
            return "redirect:/party/" + id;
        } catch (InvalidInput invalid) {
            return form(form, null, formErrors.of(invalid, ORGANISATION_FIELDS), model);
        }
    }

    @GetMapping("/party/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        requireAdmin(viewer);
        PartyViews.Organisation o = organisations.organisation(id);
        String secretary = o.secretaryAccountId() == null ? null : accounts.get(o.secretaryAccountId()).username();
        return form(PartyForms.OrganisationForm.of(o, secretary), o, Map.of(), model);
    }

    @PostMapping("/party/{id}")
    String update(Viewer viewer, @PathVariable long id, @ModelAttribute("form") PartyForms.OrganisationForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        requireAdmin(viewer);
        PartyViews.Organisation o = organisations.organisation(id);
        try {
            organisations.update(viewer, id, form.draft(), FormValues.version(form.version()));
            flash.addFlashAttribute("success", formErrors.text("party.web.done.updated"));
            return "redirect:/party/" + id;
        } catch (InvalidInput invalid) {
            return form(form, o, formErrors.of(invalid, ORGANISATION_FIELDS), model);
        } catch (RuleViolation violation) {
            return form(form, o, formErrors.of(violation), model);
        }
    }

    @PostMapping("/party/{id}/deactivate")
    String deactivate(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String version, RedirectAttributes flash) {
        requireAdmin(viewer);
        try {
            organisations.deactivate(viewer, id, FormValues.version(version));
            flash.addFlashAttribute("success", formErrors.text("party.web.done.deactivated"));
            return "redirect:/party";
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", formErrors.of(violation).get(FormErrors.FORM));
            return "redirect:/party/" + id;
        }
    }

    private String form(PartyForms.OrganisationForm form, PartyViews.Organisation o, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("o", o);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", PartyOrganisationKind.values());
        model.addAttribute("parents", organisations.tree());
        model.addAttribute("colleges", people.collegeNames());
        return "party/form";
    }

    // — one member —

    @GetMapping("/party/members/{memberId}")
    String member(Viewer viewer, @PathVariable long memberId, Model model) {
        return memberPage(viewer, memberId, null, Map.of(), model);
    }

    @PostMapping("/party/members/{memberId}/status")
    String status(Viewer viewer, @PathVariable long memberId, @ModelAttribute PartyForms.StatusForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        requireManageable(viewer, memberId);
        try {
            Fields f = new Fields();
            PartyMemberStatus status = f.choice(PartyMemberStatus.class, form.status(), "status");
            LocalDate on = f.date(form.on(), "on");
            f.check();
            members.changeStatus(viewer, memberId, status, on, FormValues.version(form.version()));
            flash.addFlashAttribute("success", formErrors.text("party.web.done.status"));
            return "redirect:/party/members/" + memberId;
        } catch (InvalidInput invalid) {
            return memberPage(viewer, memberId, "status", formErrors.of(invalid, STATUS_FIELDS), model);
        } catch (RuleViolation violation) {
            return memberPage(viewer, memberId, "status", formErrors.of(violation), model);
        }
    }

    @PostMapping("/party/members/{memberId}/transfer")
    String transfer(Viewer viewer, @PathVariable long memberId, @ModelAttribute PartyForms.TransferForm form, BindingResult binding,
                    Model model, RedirectAttributes flash) {
        requireManageable(viewer, memberId);
        try {
            Fields f = new Fields();
            Long to = f.id(form.organisationId(), "organisationId");
            f.check();
            members.transfer(viewer, memberId, to, form.note(), FormValues.version(form.version()));
            flash.addFlashAttribute("success", formErrors.text("party.web.done.transferred"));
            return "redirect:/party/members/" + memberId;
        } catch (InvalidInput invalid) {
            return memberPage(viewer, memberId, "transfer", formErrors.of(invalid, TRANSFER_FIELDS), model);
        } catch (RuleViolation violation) {
            return memberPage(viewer, memberId, "transfer", formErrors.of(violation), model);
        }
    }

    @PostMapping("/party/members/{memberId}/leave")
    String leave(Viewer viewer, @PathVariable long memberId, @ModelAttribute PartyForms.LeaveForm form, BindingResult binding,
                 Model model, RedirectAttributes flash) {
        requireManageable(viewer, memberId);
        try {
            Fields f = new Fields();
            LocalDate on = f.date(form.on(), "on");
            f.check();
            members.leave(viewer, memberId, on, form.reason(), FormValues.version(form.version()));
            flash.addFlashAttribute("success", formErrors.text("party.web.done.left"));
            return "redirect:/party/members/" + memberId;
        } catch (InvalidInput invalid) {
            return memberPage(viewer, memberId, "leave", formErrors.of(invalid, LEAVE_FIELDS), model);
        } catch (RuleViolation violation) {
            return memberPage(viewer, memberId, "leave", formErrors.of(violation), model);
        }
    }

    private String memberPage(Viewer viewer, long memberId, String failed, Map<String, String> errors, Model model) {
        PartyMemberViews.Detail d = members.member(viewer, memberId);
        model.addAttribute("d", d);
        model.addAttribute("m", d.member());
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", List.of(PartyMemberStatus.values()).stream().filter(s -> s.compareTo(d.member().status()) > 0).toList());
        model.addAttribute("targets", organisations.tree().stream().filter(n -> n.id() != d.member().organisationId()).toList());
        return "party/member";
    }

    private void requireAdmin(Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw new NotFoundException("page", "party/admin");
        }
    }

    private void requireManager(Viewer viewer, long id) {
        if (!organisations.manages(viewer, id)) {
            throw new NotFoundException("party-organisation", id);
        }
    }

    private void requireManageable(Viewer viewer, long memberId) {
        if (!members.member(viewer, memberId).manageable()) {
            throw new NotFoundException("party-member", memberId);
        }
    }
}
