package org.shouwang.party.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.party.BranchActivities;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A branch's activities of a year over HTTP; attendance is null for callers who may not see it. */
@RestController
@RequestMapping("/api/v1/party")
@Tag(name = "Branch activities", description = "A Party branch's activities (三会一课, organisation life, Party days) and members' attendance")
class BranchActivitiesApi {

    private final BranchActivities activities;

    BranchActivitiesApi(BranchActivities activities) {
        this.activities = activities;
    }

    @GetMapping("/{orgId}/activities")
    @Operation(summary = "The branch's activities of a year (default: this year), counts by type, and members' attendance for the branch's managers and Party roles")
    BranchActivities.BranchYear year(Viewer viewer, @PathVariable long orgId, @RequestParam(required = false) String year) {
        if (year != null && !year.strip().matches("\\d{4}")) {
            throw new InvalidInput("year", "branchActivities.badYear");
        }
        return activities.year(viewer, orgId, year == null ? activities.currentYear() : Integer.parseInt(year.strip()));
    }
}
