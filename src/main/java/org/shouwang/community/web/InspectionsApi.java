package org.shouwang.community.web;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.community.DormRatings;
import org.shouwang.community.InspectionAppeals;
import org.shouwang.community.InspectionViews;
import org.shouwang.community.Inspections;
import org.shouwang.community.Rectifications;
import org.shouwang.community.Rubric;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Photo;
import org.shouwang.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inspections over HTTP, through the same services as the pages: the rubric, rounds room by room,
 * rectifications, the resident's room and appeals, the month's ratings. What the caller may not see
 * answers 404; bad values answer 400 with every field's problem; a move not allowed now answers 409.
 */
@RestController
@RequestMapping("/api/v1/inspections")
@Tag(name = "Inspections", description = "Dorm hygiene and safety inspections (卫生/安全检查): rubric, rounds, rectification, appeals, civilised-dorm ratings")
class InspectionsApi {

    private final Inspections inspections;
    private final Rubric rubric;
    private final Rectifications rectifications;
    private final InspectionAppeals appeals;
    private final DormRatings ratings;
    private final java.time.Clock clock;

    InspectionsApi(Inspections inspections, Rubric rubric, Rectifications rectifications, InspectionAppeals appeals,
                   DormRatings ratings, java.time.Clock clock) {
        this.inspections = inspections;
        this.rubric = rubric;
        this.rectifications = rectifications;
        this.appeals = appeals;
        this.ratings = ratings;
        this.clock = clock;
    }

    record ItemBody(String area, String text, Integer maxDeduction, String kind, String repairSubcategory) {
        InspectionViews.ItemDraft draft() {
            return new InspectionViews.ItemDraft(area, text, maxDeduction == null ? null : String.valueOf(maxDeduction), kind,
                    repairSubcategory);
        }
    }

    record RetireBody(Boolean retired) {
    }

    record RoundBody(Long buildingId, Integer floor, String heldOn, String mode, Integer spotCount) {
        InspectionViews.RoundDraft draft() {
            return new InspectionViews.RoundDraft(buildingId == null ? null : String.valueOf(buildingId),
                    floor == null ? null : String.valueOf(floor), heldOn, mode, spotCount == null ? null : String.valueOf(spotCount));
        }
    }

    record DefectBody(Long itemId, Integer deduction, String note) {
    }

    /** photos: base64 of each image (JPEG, PNG, GIF or WebP). */
    record RoomBody(List<DefectBody> defects, String note, List<String> photos) {
    }

    record CheckBody(Boolean passed, String note) {
    }

    record AppealBody(Long defectId, String reason) {
    }

    record DecisionBody(Boolean upheld, String note) {
    }

    record Created(long id) {
    }

    // — rubric —

    @GetMapping("/rubric")
    @Operation(summary = "The rubric: every item (active first), for whoever may see inspections")
    List<InspectionViews.Item> items(Viewer viewer, @RequestParam(defaultValue = "false") boolean activeOnly) {
        return rubric.items(viewer, activeOnly);
    }

    @PostMapping("/rubric")
    @Operation(summary = "Administrators add an item: area HYGIENE|SAFETY, text, maxDeduction 1–100, kind ORDINARY|NEEDS_REPAIR|SAFETY_HAZARD, "
            + "repairSubcategory (WATER, ELECTRICITY, FURNITURE, NETWORK, DOOR_LOCK, OTHER) for NEEDS_REPAIR")
    ResponseEntity<InspectionViews.Item> add(Viewer viewer, @RequestBody ItemBody body) {
        long id = rubric.add(viewer, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/inspections/rubric/" + id)).body(rubric.item(id));
    }

    @PutMapping("/rubric/{id}")
    @Operation(summary = "Administrators edit an item for rounds to come; recorded defects keep what they used")
    InspectionViews.Item edit(Viewer viewer, @PathVariable long id, @RequestBody ItemBody body) {
        rubric.edit(viewer, id, body.draft());
        return rubric.item(id);
    }

    @PostMapping("/rubric/{id}/retire")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Administrators retire an item (retired=false brings it back)")
    void retire(Viewer viewer, @PathVariable long id, @RequestBody(required = false) RetireBody body) {
        rubric.retire(viewer, id, body == null || body.retired() == null || body.retired());
    }

    // — rounds —

    @GetMapping("/rounds")
    @Operation(summary = "Rounds the caller may see, newest first")
    List<InspectionViews.RoundRow> rounds(Viewer viewer) {
        return inspections.rounds(viewer, 100);
    }

    @PostMapping("/rounds")
    @Operation(summary = "An inspector or the building manager starts a round: ALL_ROOMS of the building or floor, or a SPOT_CHECK of spotCount random rooms (kept with the round)")
    ResponseEntity<InspectionViews.Round> start(Viewer viewer, @RequestBody RoundBody body) {
        long id = inspections.startRound(viewer, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/inspections/rounds/" + id)).body(inspections.round(viewer, id));
    }

    @GetMapping("/rounds/{id}")
    @Operation(summary = "One round with its rooms and their scores")
    InspectionViews.Round round(Viewer viewer, @PathVariable long id) {
        return inspections.round(viewer, id);
    }

    @PostMapping("/rounds/{id}/rooms/{roomId}")
    @Operation(summary = "The round's inspector records a room: defects (rubric item, deduction up to its maximum, note), note, photos; "
            + "answers the score and the numbers of the repair requests registered for defects that need a repair")
    ResponseEntity<InspectionViews.Recorded> record(Viewer viewer, @PathVariable long id, @PathVariable long roomId,
                                                    @RequestBody RoomBody body) {
        List<InspectionViews.DefectEntry> defects = new ArrayList<>();
        for (DefectBody d : body.defects() == null ? List.<DefectBody>of() : body.defects()) {
            defects.add(new InspectionViews.DefectEntry(d.itemId(), d.deduction() == null ? null : String.valueOf(d.deduction()), d.note()));
        }
        List<Photo> photos = new ArrayList<>();
        for (String data : body.photos() == null ? List.<String>of() : body.photos()) {
            try {
                photos.add(Photo.of(Base64.getDecoder().decode(data == null ? "" : data)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("photos", "photo.notAnImage");
            }
        }
        InspectionViews.Recorded recorded = inspections.record(viewer, id, roomId, new InspectionViews.RoomRecord(defects, body.note()), photos);
        return ResponseEntity.created(URI.create("/api/v1/inspections/results/" + recorded.inspectionId())).body(recorded);
    }

    @PostMapping("/rounds/{id}/finish")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The round's inspector finishes the round")
    void finish(Viewer viewer, @PathVariable long id) {
        inspections.finishRound(viewer, id);
    }

    // — results, rectification —

    @GetMapping("/results/{id}")
    @Operation(summary = "One room's result: score, defects (with repair request numbers), photo ids, rectification, appeals")
    InspectionViews.Result result(Viewer viewer, @PathVariable long id) {
        return inspections.result(viewer, id);
    }

    @GetMapping("/rectifications")
    @Operation(summary = "Open rectifications the caller may see, by date (overdue=true: only those past their date)")
    List<InspectionViews.RectificationRow> rectifications(Viewer viewer, @RequestParam(defaultValue = "false") boolean overdue) {
        return rectifications.open(viewer, overdue);
    }

    @PostMapping("/rectifications/{id}/reinspect")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Re-inspection: passed closes the rectification; still failing (a note is required) sets a new date")
    void reinspect(Viewer viewer, @PathVariable long id, @RequestBody CheckBody body) {
        rectifications.reinspect(viewer, id, body.passed(), body.note());
    }

    // — the resident, appeals —

    @GetMapping("/my-room")
    @Operation(summary = "The calling resident's room: every result, newest first (404 for someone without a bed)")
    List<InspectionViews.Result> myRoom(Viewer viewer) {
        return inspections.myRoom(viewer);
    }

    @PostMapping("/results/{id}/appeals")
    @Operation(summary = "A resident of the room appeals one deduction with a reason, within the appeal window (else 400)")
    ResponseEntity<Created> appeal(Viewer viewer, @PathVariable long id, @RequestBody AppealBody body) {
        long appeal = appeals.file(viewer, id, body.defectId(), body.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(appeal));
    }

    @GetMapping("/appeals")
    @Operation(summary = "Pending appeals the caller may decide (building manager, the committee's advisor, administrators)")
    List<InspectionViews.AppealRow> pendingAppeals(Viewer viewer) {
        return appeals.pending(viewer);
    }

    @PostMapping("/appeals/{id}/decide")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Decide an appeal: upheld removes the deduction and recomputes the score; rejected needs a note; the resident is told")
    void decide(Viewer viewer, @PathVariable long id, @RequestBody DecisionBody body) {
        appeals.decide(viewer, id, body.upheld(), body.note());
    }

    // — ratings —

    @GetMapping("/rankings")
    @Operation(summary = "The month's civilised-dorm ratings and rankings by floor, building and college (month yyyy-MM, this month by default), "
            + "narrowed to what the caller may see")
    InspectionViews.Rankings rankings(Viewer viewer, @RequestParam(required = false) String month) {
        YearMonth chosen = YearMonth.from(CampusTime.today(clock));
        if (month != null && !month.isBlank()) {
            try {
                chosen = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInput("month", "inspection.badMonth");
            }
        }
        return ratings.month(viewer, chosen);
    }

}
