package org.shouwang.spaces.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpaceAppeals;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Space appeals", description = "Appeals of no-shows: the booker explains, a manager of the space accepts or rejects")
class SpaceAppealApi {

    private final SpaceAppeals appeals;

    SpaceAppealApi(SpaceAppeals appeals) {
        this.appeals = appeals;
    }

    record AppealBody(String reason) {
    }

    record DecisionBody(String reason) {
    }

    record Created(long id) {
    }

    record Mine(SpaceAppeals.Standing standing, List<SpaceAppeals.NoShow> noShows) {
    }

    @PostMapping("/space-bookings/{id}/appeal")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The booker appeals their no-show with a reason, within shouwang.spaces.appeal-days days of its start",
            description = "After the appeal days: 400 with a field error on booking. Someone else's booking: 404. Not a no-show, "
                    + "or already appealed: 409.")
    Created appeal(Viewer viewer, @PathVariable long id, @RequestBody(required = false) AppealBody body) {
        return new Created(appeals.appeal(viewer, id, body == null ? null : body.reason()));
    }

    @GetMapping("/space-appeals")
    @Operation(summary = "Appeals: the caller's own (default), or with scope=manage those of the spaces the caller manages, "
            + "waiting ones first")
    List<SpaceAppeals.Appeal> list(Viewer viewer, @RequestParam(defaultValue = "mine") String scope) {
        return "manage".equals(scope) ? appeals.toDecide(viewer) : appeals.mine(viewer);
    }

    @GetMapping("/space-appeals/standing")
    @Operation(summary = "The caller's no-shows of the window with their appeals, and whether (and until when) they are blocked")
    Mine standing(Viewer viewer) {
        return new Mine(appeals.standing(viewer), appeals.myNoShows(viewer));
    }

    @GetMapping("/space-appeals/{id}")
    @Operation(summary = "One appeal, for its booker and the space's managers")
    SpaceAppeals.Appeal one(Viewer viewer, @PathVariable long id) {
        return appeals.appealOf(viewer, id);
    }

    @PostMapping("/space-appeals/{id}/accept")
    @Operation(summary = "A manager of the space excuses the no-show: the booking becomes CANCELLED and a block may be lifted")
    SpaceAppeals.Appeal accept(Viewer viewer, @PathVariable long id) {
        appeals.accept(viewer, id);
        return appeals.appealOf(viewer, id);
    }

    @PostMapping("/space-appeals/{id}/reject")
    @Operation(summary = "A manager of the space rejects the appeal with a reason (required)")
    SpaceAppeals.Appeal reject(Viewer viewer, @PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        appeals.reject(viewer, id, body == null ? null : body.reason());
        return appeals.appealOf(viewer, id);
    }
}
