package org.shouwang.insights.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.shouwang.governance.ActionItemDraft;
import org.shouwang.insights.HotSpots;
import org.shouwang.people.People;
import org.shouwang.shared.Fields;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;

/** The month's hot spots (未诉先办) for leaders, admins and student affairs. */
@Controller
class HotSpotsController {

    private final HotSpots hotSpots;
    private final FormErrors formErrors;
    private final People people;

    HotSpotsController(HotSpots hotSpots, FormErrors formErrors, People people) {
        this.people = people;
        this.hotSpots = hotSpots;
        this.formErrors = formErrors;
    }

    @GetMapping("/insights/hot-spots")
    String list(Viewer viewer, @RequestParam(required = false) String month, Model model) {
        return page(viewer, month, model, null, Map.of());
    }

    @PostMapping("/insights/hot-spots/{key}/action-item")
    String turn(Viewer viewer, @PathVariable String key, @RequestParam(required = false) String month,
                @RequestParam(required = false) String title, @RequestParam(required = false) String departmentId,
                @RequestParam(required = false) String deadline, Model model, RedirectAttributes redirect) {
        if (!hotSpots.mayTurn(viewer)) {
            throw new NotFoundException("hot spot", key);
        }
        YearMonth chosen = hotSpots.month(month);
        try {
            Fields f = new Fields();
            Long department = f.id(departmentId, "departmentId");
            java.time.LocalDate day = f.date(deadline, "deadline");
            f.check();
            hotSpots.turnIntoActionItem(viewer, chosen, key, new ActionItemDraft(title, department, day));
        } catch (InvalidInput e) {
            return page(viewer, chosen.toString(), model, key, formErrors.of(e, java.util.Set.of("title", "decision", "departmentId", "deadline")));
        } catch (RuleViolation e) {
            return page(viewer, chosen.toString(), model, key, formErrors.of(e));
        }
        redirect.addFlashAttribute("turned", key);
        return "redirect:/insights/hot-spots?month=" + chosen;
    }

    private String page(Viewer viewer, String month, Model model, String failedKey, Map<String, String> failed) {
        if (!hotSpots.maySee(viewer)) {
            throw new NotFoundException("page", "insights/hot-spots");
        }
        Map<String, String> errors = Map.of();
        YearMonth chosen;
        try {
            chosen = hotSpots.month(month);
        } catch (InvalidInput e) {
            errors = formErrors.of(e, java.util.Set.of("month"));
            chosen = hotSpots.month(null);
        }
        List<HotSpots.HotSpot> spots = hotSpots.of(viewer, chosen);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("spots", spots);
        model.addAttribute("threshold", hotSpots.threshold());
        model.addAttribute("errors", errors);
        model.addAttribute("failedKey", failedKey);
        model.addAttribute("itemErrors", failed);
        model.addAttribute("mayTurn", hotSpots.mayTurn(viewer));
        model.addAttribute("departments", people.departments());
        return "insights-hotspots/list";
    }
}
