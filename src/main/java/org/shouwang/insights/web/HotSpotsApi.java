package org.shouwang.insights.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.governance.ActionItemDraft;
import org.shouwang.insights.HotSpots;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/insights")
@Tag(name = "Hot spots", description = "Recurring problems of a month, clustered by building, floor and category (未诉先办)")
class HotSpotsApi {

    private final HotSpots hotSpots;

    HotSpotsApi(HotSpots hotSpots) {
        this.hotSpots = hotSpots;
    }

    @GetMapping("/hot-spots")
    @Operation(summary = "The hot spots of a month (YYYY-MM; the current month when absent); leaders, admins, student affairs")
    List<HotSpots.HotSpot> list(Viewer viewer, @RequestParam(required = false) String month) {
        if (!hotSpots.maySee(viewer)) {
            throw new NotFoundException("page", "insights/hot-spots");
        }
        return hotSpots.of(viewer, hotSpots.month(month));
    }

    /** What a leader gives to turn a hot spot into an action item. */
    record ActionItemBody(String title, Long departmentId, LocalDate deadline) {
    }

    @PostMapping("/hot-spots/{key}/action-item")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Turn a hot spot of a month into an action item of governance (leaders; once)")
    Map<String, Long> turn(Viewer viewer, @PathVariable String key, @RequestParam(required = false) String month,
                           @RequestBody ActionItemBody body) {
        if (!hotSpots.mayTurn(viewer)) {
            throw new NotFoundException("hot spot", key);
        }
        ActionItemBody b = body == null ? new ActionItemBody(null, null, null) : body;
        long id = hotSpots.turnIntoActionItem(viewer, hotSpots.month(month), key,
                new ActionItemDraft(b.title(), b.departmentId(), b.deadline()));
        return Map.of("actionItemId", id);
    }
}
