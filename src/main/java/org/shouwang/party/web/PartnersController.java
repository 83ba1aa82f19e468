package org.shouwang.party.web;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.shared.FormValues;
import org.shouwang.activities.ActivityViews;
import org.shouwang.shared.CampusTime;

import org.shouwang.party.Mentors;
import org.shouwang.party.PartnerKind;
import org.shouwang.party.PartnerViews;
import org.shouwang.party.Partners;
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
 * The partner list and a partner's page (its co-built studios, joint activities and mentors) for
 * everyone signed in, and the forms of administrators and student affairs: set up, edit, end.
 * Anyone else asking for those forms gets 404.
 */
@Controller
class PartnersController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Partners partners;
    private final Mentors mentors;
    private final FormErrors errors;

    PartnersController(Partners partners, Mentors mentors, FormErrors errors) {
        this.partners = partners;
        this.mentors = mentors;
        this.errors = errors;
    }

    @GetMapping("/partners")
    String list(Viewer viewer, @RequestParam(required = false) String kind, @RequestParam(defaultValue = "false") boolean ended,
                Model model) {
        PartnerKind chosen = FormValues.filter(PartnerKind.class, kind);
        model.addAttribute("partners", partners.list(viewer, chosen, ended));
        model.addAttribute("kinds", PartnerKind.values());
        model.addAttribute("kind", chosen);
        model.addAttribute("ended", ended);
        model.addAttribute("administers", Partners.administers(viewer));
        return "partners/list";
    }

    @GetMapping("/partners/{id}")
    String partner(Viewer viewer, @PathVariable long id, Model model) {
        PartnerViews.Partner p = partners.partner(viewer, id);
        model.addAttribute("p", p);
        model.addAttribute("studios", partners.studios(p));
        List<ActivityViews.Row> activities = partners.activities(viewer, p, 20);
        Map<Long, String> when = new HashMap<>();
        activities.forEach(a -> when.put(a.id(), WHEN.format(a.startsAt().atZone(CampusTime.ZONE))));
        model.addAttribute("activities", activities);
        model.addAttribute("when", when);
        model.addAttribute("mentors", mentors.ofPartner(id));
        model.addAttribute("administers", Partners.administers(viewer));
        return "partners/detail";
    }

    @GetMapping("/partners/new")
    String newPartner(Viewer viewer, Model model) {
        require(viewer);
        return form(PartnerForm.empty(), null, Map.of(), model);
    }

    @PostMapping("/partners")
    String create(Viewer viewer, @ModelAttribute("form") PartnerForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        require(viewer);
        try {
            long id = partners.create(viewer, form.draft());
            flash.addFlashAttribute("success", errors.text("partner.web.done.created"));
            return "redirect:/partners/" + id;
        } catch (InvalidInput invalid) {
            return form(form, null, errors.of(invalid, PartnerForm.FIELDS), model);
        }
    }

    @GetMapping("/partners/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        require(viewer);
        PartnerViews.Partner p = partners.partner(viewer, id);
        return form(PartnerForm.of(p), p, Map.of(), model);
    }

    @PostMapping("/partners/{id}")
    String update(Viewer viewer, @PathVariable long id, @ModelAttribute("form") PartnerForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        require(viewer);
        PartnerViews.Partner p = partners.partner(viewer, id);
        try {
            partners.update(viewer, id, form.draft(), FormValues.version(form.version()));
            flash.addFlashAttribute("success", errors.text("partner.web.done.updated"));
            return "redirect:/partners/" + id;
        } catch (InvalidInput invalid) {
            return form(form, p, errors.of(invalid, PartnerForm.FIELDS), model);
        } catch (RuleViolation violation) {
            return form(form, p, errors.of(violation), model);
        }
    }

    @PostMapping("/partners/{id}/end")
    String end(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        try {
            partners.end(viewer, id);
            flash.addFlashAttribute("success", errors.text("partner.web.done.ended"));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", errors.of(violation).get(FormErrors.FORM));
        }
        return "redirect:/partners/" + id;
    }

    private static void require(Viewer viewer) {
        if (!Partners.administers(viewer)) {
            throw new NotFoundException("page", "partners/admin");
        }
    }

    private String form(PartnerForm form, PartnerViews.Partner p, Map<String, String> fieldErrors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("p", p);
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("kinds", PartnerKind.values());
        return "partners/form";
    }
}
