package org.shouwang.activities.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.activities.ActivityCounts;
import org.shouwang.shared.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Activity counts", description = "Activities, attendances and hours for any period by one dimension")
class CountsApi {

    private final ActivityCounts counts;

    CountsApi(ActivityCounts counts) {
        this.counts = counts;
    }

    @GetMapping("/activity-counts")
    @Operation(summary = "Published activities, attendances (PRESENT) and hours of a period, by one dimension",
            description = """
                    Counts the published activities whose start date (campus zone) is in [from, to], both inclusive \
                    (without them: the current semester), and the attendances marked present on them with their hours. \
                    by: TYPE (default), SERIES, BRAND, EDUCATION (an activity serving several educations counts in each), \
                    ORGANISER, COLLEGE (the participants' college; its activities are those its students attended) or \
                    BUILDING (where the activity took place). Key "-" gathers activities without a series, brand or \
                    building. total counts each activity once. Aggregate figures only; any staff member, else 404. \
                    400 when from is after to or a parameter is malformed.""")
    ActivityCounts.Report counts(Viewer viewer,
                                 @Parameter(description = "first start date, inclusive (yyyy-MM-dd)")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @Parameter(description = "last start date, inclusive (yyyy-MM-dd)")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @Parameter(description = "the dimension to group by")
                                 @RequestParam(required = false) ActivityCounts.Dimension by) {
        return counts.counts(viewer, from, to, by);
    }
}
