package org.shouwang.party.web;

import org.shouwang.party.BranchActivities;
import org.shouwang.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A branch's activities of a year: the list, the count by type, members' attendance for those who may see it. */
@Controller
class BranchActivitiesController {

    private final BranchActivities activities;

    BranchActivitiesController(BranchActivities activities) {
        this.activities = activities;
    }

    @GetMapping("/party/{orgId}/activities")
    String year(Viewer viewer, @PathVariable long orgId, @RequestParam(required = false) String year, Model model) {
        int current = activities.currentYear();
        int chosen = year != null && year.strip().matches("\\d{4}") ? Integer.parseInt(year.strip()) : current;
        model.addAttribute("branch", activities.year(viewer, orgId, chosen));
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(current - 4, current).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        return "party-dorms/activities";
    }
}
