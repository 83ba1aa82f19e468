package org.shouwang.party.web;

import java.time.Clock;
import java.util.Map;

import org.shouwang.shared.FormValues;
import org.shouwang.party.MentorExpertise;
import org.shouwang.party.MentorParticipationKind;
import org.shouwang.party.MentorViews;
import org.shouwang.party.Mentors;
import org.shouwang.party.Partners;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.Studios;
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
 * The mentor directory (phone first, for everyone signed in, filtered by expertise), a mentor's
 * page with yearly totals (the participation log and its form for staff who log), and the forms
 * of administrators and student affairs.
 */
@Controller
class MentorsController {

    private final Mentors mentors;
    private final Partners partners;
    private final Studios studios;
    private final FormErrors errors;
    private final Clock clock;

    MentorsController(Mentors mentors, Partners partners, Studios studios, FormErrors errors, Clock clock) {
        this.mentors = mentors;
        this.partners = partners;
        this.studios = studios;
        this.errors = errors;
        this.clock = clock;
    }

    @GetMapping("/mentors")
    String directory(Viewer viewer, @RequestParam(required = false) String expertise, @RequestParam(required = false) String q,
                     Model model) {
        MentorExpertise chosen = FormValues.filter(MentorExpertise.class, expertise);
        model.addAttribute("mentors", mentors.directory(chosen, q));
        model.addAttribute("counts", mentors.expertiseCounts());
        model.addAttribute("expertise", chosen);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("administers", Partners.administers(viewer));
        return "mentors/list";
    }

    @GetMapping("/mentors/{id}")
    String mentor(Viewer viewer, @PathVariable long id, Model model) {
        return page(viewer, id, MentorParticipationForm.empty(CampusTime.today(clock).toString()), Map.of(), model);
    }

    @PostMapping("/mentors/{id}/participation")
    String log(Viewer viewer, @PathVariable long id, @ModelAttribute("entry") MentorParticipationForm entry, BindingResult binding,
               Model model, RedirectAttributes flash) {
        if (!Mentors.logs(viewer)) {
            throw new NotFoundException("page", "mentors/participation");
        }
        try {
            mentors.log(viewer, id, entry.draft());
            flash.addFlashAttribute("success", errors.text("mentor.web.done.logged"));
            return "redirect:/mentors/" + id + "#participation";
        } catch (InvalidInput invalid) {
            return page(viewer, id, entry, errors.of(invalid, MentorParticipationForm.FIELDS), model);
        }
    }

    @PostMapping("/mentors/{id}/participation/{entryId}/remove")
    String remove(Viewer viewer, @PathVariable long id, @PathVariable long entryId, RedirectAttributes flash) {
        mentors.remove(viewer, id, entryId);
        flash.addFlashAttribute("success", errors.text("mentor.web.done.removed"));
        return "redirect:/mentors/" + id + "#participation";
    }

    private String page(Viewer viewer, long id, MentorParticipationForm entry, Map<String, String> entryErrors, Model model) {
        MentorViews.Mentor m = mentors.mentor(viewer, id);
        model.addAttribute("m", m);
        model.addAttribute("administers", Partners.administers(viewer));
        model.addAttribute("logs", Mentors.logs(viewer));
        if (viewer.isStaff()) {
            model.addAttribute("entries", mentors.participation(viewer, id, null));
        }
        model.addAttribute("entry", entry);
        model.addAttribute("errors", entryErrors);
        model.addAttribute("participationKinds", MentorParticipationKind.values());
        model.addAttribute("studios", studios.names());
        return "mentors/detail";
    }

    // — administrators and student affairs —

    @GetMapping("/mentors/new")
    String newMentor(Viewer viewer, Model model) {
        require(viewer);
        return form(MentorForm.empty(), null, Map.of(), model);
    }

    @PostMapping("/mentors")
    String create(Viewer viewer, @ModelAttribute("form") MentorForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        require(viewer);
        try {
            long id = mentors.create(viewer, form.draft());
            flash.addFlashAttribute("success", errors.text("mentor.web.done.created"));
            return "redirect:/mentors/" + id;
        } catch (InvalidInput invalid) {
            return form(form, null, errors.of(invalid, MentorForm.FIELDS), model);
        }
    }

    @GetMapping("/mentors/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        require(viewer);
        MentorViews.Mentor m = mentors.mentor(viewer, id);
        return form(MentorForm.of(m), m, Map.of(), model);
    }

    @PostMapping("/mentors/{id}")
    String update(Viewer viewer, @PathVariable long id, @ModelAttribute("form") MentorForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        require(viewer);
        MentorViews.Mentor m = mentors.mentor(viewer, id);
        try {
            mentors.update(viewer, id, form.draft(), FormValues.version(form.version()));
            flash.addFlashAttribute("success", errors.text("mentor.web.done.updated"));
            return "redirect:/mentors/" + id;
        } catch (InvalidInput invalid) {
            return form(form, m, errors.of(invalid, MentorForm.FIELDS), model);
        } catch (RuleViolation violation) {
            return form(form, m, errors.of(violation), model);
        }
    }

    private static void require(Viewer viewer) {
        if (!Partners.administers(viewer)) {
            throw new NotFoundException("page", "mentors/admin");
        }
    }

    private String form(MentorForm form, MentorViews.Mentor m, Map<String, String> fieldErrors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("m", m);
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("expertiseValues", MentorExpertise.values());
        model.addAttribute("partners", partners.names());
        return "mentors/form";
    }
}
