package org.shouwang.insights.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.shouwang.insights.HotSpots;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The month's hot spots (未诉先办) for leaders, admins and student affairs. */
@Controller
class HotSpotsController {

    private final HotSpots hotSpots;
    private final FormErrors formErrors;

    HotSpotsController(HotSpots hotSpots, FormErrors formErrors) {
        this.hotSpots = hotSpots;
        this.formErrors = formErrors;
    }

    @GetMapping("/insights/hot-spots")
    String list(Viewer viewer, @RequestParam(required = false) String month, Model model) {
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
        return "insights-hotspots/list";
    }
}
