package org.shouwang.insights.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.insights.HotSpots;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
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
}
