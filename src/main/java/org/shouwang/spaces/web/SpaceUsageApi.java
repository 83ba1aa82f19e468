package org.shouwang.spaces.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.FreeSpaces;
import org.shouwang.spaces.SpaceKind;
import org.shouwang.spaces.SpaceUsage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/spaces")
@Tag(name = "Space usage", description = "Usage figures of the spaces and the spaces free right now")
class SpaceUsageApi {

    private final SpaceUsage usage;
    private final FreeSpaces free;

    SpaceUsageApi(SpaceUsage usage, FreeSpaces free) {
        this.usage = usage;
        this.free = free;
    }

    @GetMapping("/usage")
    @Operation(summary = "Hours booked and used, no-shows and the busiest times, per space and per kind, over [from, to]",
            description = """
                    Days inclusive, campus time; without from/to the last 4 weeks (today included); at most 366 days. \
                    Booked: confirmed, checked-in and no-show bookings (activities included) by their start; used: checked \
                    in, and activities' reservations that have ended; noShowRate = noShows / (checkedIn + noShows), null \
                    when none; no-shows excused on appeal are counted as excused. heat[weekday 0=Monday][hour] = booked \
                    hours. Admins, leaders and student affairs see every space, space managers their own; others 404.""")
    SpaceUsage.Report usage(Viewer viewer,
                            @Parameter(description = "first day, yyyy-MM-dd") @RequestParam(required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @Parameter(description = "last day, inclusive, yyyy-MM-dd") @RequestParam(required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) SpaceKind kind, @RequestParam(required = false) Long buildingId) {
        return usage.report(viewer, from, to, kind, buildingId);
    }

    @GetMapping("/free")
    @Operation(summary = "Study rooms, then seminar rooms, open now and not taken, with how long they stay free; the caller's "
            + "own building first. Rooms free for less than 15 minutes are left out.")
    List<FreeSpaces.Free> free(Viewer viewer) {
        return free.now(viewer);
    }
}
