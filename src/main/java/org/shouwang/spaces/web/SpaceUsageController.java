package org.shouwang.spaces.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.residence.Residence;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpaceKind;
import org.shouwang.spaces.SpaceUsage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Usage figures of the spaces: admins, leaders and student affairs see all; space managers their own; others 404. */
@Controller
class SpaceUsageController {

    private final SpaceUsage usage;
    private final Residence residence;
    private final FormErrors errors;

    SpaceUsageController(SpaceUsage usage, Residence residence, FormErrors errors) {
        this.usage = usage;
        this.residence = residence;
        this.errors = errors;
    }

    @GetMapping("/spaces/usage")
    String usage(Viewer viewer, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) SpaceKind kind, @RequestParam(required = false) Long buildingId, Model model) {
        if (!usage.maySee(viewer)) {
            throw new NotFoundException("page", "spaces/usage");
        }
        SpaceUsage.Report report;
        Map<String, String> problems = Map.of();
        try {
            report = usage.report(viewer, from, to, kind, buildingId);
        } catch (InvalidInput e) {
            problems = errors.of(e, Set.of("from", "to"));
            report = usage.report(viewer, null, null, kind, buildingId);
        }
        List<double[]> cells = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                if (report.heat()[day][hour] > 0) {
                    cells.add(new double[] {hour, day, report.heat()[day][hour]});
                }
            }
        }
        model.addAttribute("report", report);
        model.addAttribute("cells", cells);
        model.addAttribute("errors", problems);
        model.addAttribute("kinds", SpaceKind.values());
        model.addAttribute("buildings", residence.buildingNames());
        return "spaces-usage/usage";
    }
}
