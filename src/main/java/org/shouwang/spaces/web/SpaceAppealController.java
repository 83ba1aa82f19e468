package org.shouwang.spaces.web;

import java.util.Map;
import java.util.Set;

import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpaceAppeals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A booker's no-shows, block and appeals; the managers' list of appeals to decide. */
@Controller
class SpaceAppealController {

    private final SpaceAppeals appeals;
    private final FormErrors errors;

    SpaceAppealController(SpaceAppeals appeals, FormErrors errors) {
        this.appeals = appeals;
        this.errors = errors;
    }

    @GetMapping("/spaces/appeals")
    String mine(Viewer viewer, Model model) {
        model.addAttribute("standing", appeals.standing(viewer));
        model.addAttribute("noShows", appeals.myNoShows(viewer));
        model.addAttribute("managesAny", appeals.managesAny(viewer));
        return "spaces-usage/appeals";
    }

    @GetMapping("/spaces/bookings/{id}/appeal")
    String form(Viewer viewer, @PathVariable long id, Model model) {
        return form(viewer, id, model, "", Map.of());
    }

    @PostMapping("/spaces/bookings/{id}/appeal")
    String appeal(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String reason, Model model,
                  RedirectAttributes flash) {
        try {
            appeals.appeal(viewer, id, reason);
        } catch (InvalidInput e) {
            return form(viewer, id, model, reason, errors.of(e, Set.of("reason")));
        } catch (RuleViolation e) {
            return form(viewer, id, model, reason, errors.of(e));
        }
        flash.addFlashAttribute("done", errors.text("spaceAppeal.sent"));
        return "redirect:/spaces/appeals";
    }

    private String form(Viewer viewer, long id, Model model, String reason, Map<String, String> problems) {
        model.addAttribute("noShow", appeals.noShow(viewer, id));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", problems);
        model.addAttribute("reasonMax", 500);
        model.addAttribute("appealDays", appeals.appealDays());
        return "spaces-usage/appeal-form";
    }

    @GetMapping("/spaces/appeals/manage")
    String manage(Viewer viewer, Model model) {
        return manage(viewer, model, null, Map.of(), "");
    }

    @PostMapping("/spaces/appeals/{id}/accept")
    String accept(Viewer viewer, @PathVariable long id, Model model, RedirectAttributes flash) {
        try {
            appeals.accept(viewer, id);
        } catch (RuleViolation e) {
            return manage(viewer, model, id, errors.of(e), "");
        }
        flash.addFlashAttribute("done", errors.text("spaceAppeal.acceptedDone"));
        return "redirect:/spaces/appeals/manage";
    }

    @PostMapping("/spaces/appeals/{id}/reject")
    String reject(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String reason, Model model,
                  RedirectAttributes flash) {
        try {
            appeals.reject(viewer, id, reason);
        } catch (InvalidInput e) {
            return manage(viewer, model, id, errors.of(e, Set.of("reason")), reason);
        } catch (RuleViolation e) {
            return manage(viewer, model, id, errors.of(e), reason);
        }
        flash.addFlashAttribute("done", errors.text("spaceAppeal.rejectedDone"));
        return "redirect:/spaces/appeals/manage";
    }

    private String manage(Viewer viewer, Model model, Long failed, Map<String, String> problems, String decision) {
        if (!appeals.managesAny(viewer)) {
            throw new NotFoundException("page", "spaces/appeals/manage");
        }
        if (failed != null) {
            appeals.appealOf(viewer, failed);
        }
        model.addAttribute("appeals", appeals.toDecide(viewer));
        model.addAttribute("failed", failed);
        model.addAttribute("errors", problems);
        model.addAttribute("decision", decision);
        return "spaces-usage/appeals-manage";
    }
}
