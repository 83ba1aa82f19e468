package org.shouwang.community.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.community.DormRatings;
import org.shouwang.community.InspectionAppeals;
import org.shouwang.community.InspectionViews;
import org.shouwang.community.Inspections;
import org.shouwang.community.InspectionsProperties;
import org.shouwang.community.Rectifications;
import org.shouwang.community.RoundMode;
import org.shouwang.community.Rubric;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Photo;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspection pages, phone first: the start of rounds and the list of rounds, a round room by
 * room, the scoring form of one room, a room's result (re-inspection and appeal decisions), the
 * resident's own room with the appeal form, open rectifications, pending appeals and the month's
 * civilised-dorm rankings. Everything goes through the community module's services.
 */
@Controller
class InspectionsController {

    private static final Set<String> ROUND_FIELDS = Set.of("buildingId", "floor", "heldOn", "mode", "spotCount");

    private final Inspections inspections;
    private final Rubric rubric;
    private final Rectifications rectifications;
    private final InspectionAppeals appeals;
    private final DormRatings ratings;
    private final InspectionsProperties properties;
    private final FormErrors formErrors;
    private final java.time.Clock clock;

    InspectionsController(Inspections inspections, Rubric rubric, Rectifications rectifications, InspectionAppeals appeals,
                          DormRatings ratings, InspectionsProperties properties, FormErrors formErrors, java.time.Clock clock) {
        this.inspections = inspections;
        this.rubric = rubric;
        this.rectifications = rectifications;
        this.appeals = appeals;
        this.ratings = ratings;
        this.properties = properties;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    /** Which tabs the viewer gets: their own room, and the work of inspections. */
    @ModelAttribute
    void tabs(Viewer viewer, Model model) {
        model.addAttribute("tabRoom", viewer.studentId() != null);
        model.addAttribute("tabWork", inspections.worksOnInspections(viewer));
    }

    // — home: rounds —

    @GetMapping("/inspections")
    String home(Viewer viewer, Model model) {
        if (viewer.studentId() != null && !inspections.worksOnInspections(viewer)) {
            // A resident who does no inspecting has only their room here.
            return "redirect:/inspections/my-room";
        }
        return home(viewer, new InspectionViews.RoundDraft("", "", CampusTime.today(clock).toString(), RoundMode.ALL_ROOMS.name(), "10"),
                Map.of(), model);
    }

    private String home(Viewer viewer, InspectionViews.RoundDraft form, Map<String, String> errors, Model model) {
        if (!inspections.maySeeInspections(viewer)) {
            throw new NotFoundException("page", "inspections");
        }
        boolean mayStart = inspections.mayStartRounds(viewer);
        model.addAttribute("mayStart", mayStart);
        model.addAttribute("buildings", mayStart ? inspections.buildingsForRounds(viewer) : Map.of());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("modes", RoundMode.values());
        model.addAttribute("rounds", inspections.rounds(viewer, 50));
        model.addAttribute("isAdmin", viewer.isAdmin());
        model.addAttribute("hasRoom", viewer.studentId() != null);
        return "community-inspections/home";
    }

    @PostMapping("/inspections/rounds")
    String start(Viewer viewer, @RequestParam(required = false) String buildingId, @RequestParam(required = false) String floor,
                 @RequestParam(required = false) String heldOn, @RequestParam(required = false) String mode,
                 @RequestParam(required = false) String spotCount, Model model) {
        InspectionViews.RoundDraft draft = new InspectionViews.RoundDraft(buildingId, floor, heldOn, mode, spotCount);
        try {
            long id = inspections.startRound(viewer, draft);
            return "redirect:/inspections/rounds/" + id;
        } catch (InvalidInput invalid) {
            return home(viewer, draft, formErrors.of(invalid, ROUND_FIELDS), model);
        }
    }

    @GetMapping("/inspections/rounds/{id}")
    String round(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("round", inspections.round(viewer, id));
        return "community-inspections/round";
    }

    @PostMapping("/inspections/rounds/{id}/finish")
    String finish(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        try {
            inspections.finishRound(viewer, id);
            flash.addFlashAttribute("success", formErrors.text("inspection.round.finished"));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", formErrors.text(violation.code(), violation.args()));
        }
        return "redirect:/inspections/rounds/" + id;
    }

    // — scoring one room —

    @GetMapping("/inspections/rounds/{id}/rooms/{roomId}")
    String roomForm(Viewer viewer, @PathVariable long id, @PathVariable long roomId, Model model) {
        return roomForm(viewer, id, roomId, Map.of(), Set.of(), Map.of(), model);
    }

    private String roomForm(Viewer viewer, long id, long roomId, Map<String, String> values, Set<Long> ticked,
                            Map<String, String> errors, Model model) {
        InspectionViews.Round round = inspections.round(viewer, id);
        if (!round.mayRecord()) {
            throw new NotFoundException("inspectionRound", id);
        }
        InspectionViews.RoundRoom room = round.rooms().stream().filter(r -> r.roomId() == roomId).findFirst()
                .orElseThrow(() -> new NotFoundException("room", roomId));
        if (room.inspectionId() != null) {
            return "redirect:/inspections/results/" + room.inspectionId();
        }
        model.addAttribute("round", round);
        model.addAttribute("room", room);
        model.addAttribute("items", rubric.items(viewer, true));
        model.addAttribute("values", values);
        model.addAttribute("ticked", ticked);
        model.addAttribute("errors", errors);
        model.addAttribute("maxPhotos", properties.maxPhotos());
        model.addAttribute("maxPhotoMb", properties.maxPhotoBytes() / (1024 * 1024));
        return "community-inspections/room";
    }

    @PostMapping("/inspections/rounds/{id}/rooms/{roomId}")
    String record(Viewer viewer, @PathVariable long id, @PathVariable long roomId,
                  @RequestParam(name = "item", required = false) List<String> items,
                  @RequestParam Map<String, String> values,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model, RedirectAttributes flash) {
        Set<Long> ticked = new HashSet<>();
        List<InspectionViews.DefectEntry> defects = new ArrayList<>();
        for (String item : items == null ? List.<String>of() : items) {
            Long itemId = parseId(item);
            if (itemId != null && ticked.add(itemId)) {
                defects.add(new InspectionViews.DefectEntry(itemId, values.get("deduction." + itemId), values.get("note." + itemId)));
            } else if (itemId == null) {
                defects.add(new InspectionViews.DefectEntry(null, null, null));
            }
        }
        try {
            InspectionViews.Recorded recorded = inspections.record(viewer, id, roomId,
                    new InspectionViews.RoomRecord(defects, values.get("note")), photos(files));
            flash.addFlashAttribute("success", recorded.repairRequests().isEmpty()
                    ? formErrors.text("inspection.room.recorded", recorded.score())
                    : formErrors.text("inspection.room.recordedWithRepairs", recorded.score(), String.join(", ", recorded.repairRequests())));
            flash.addFlashAttribute("lastInspection", recorded.inspectionId());
            return "redirect:/inspections/rounds/" + id;
        } catch (InvalidInput invalid) {
            Map<String, String> errors = new HashMap<>();
            invalid.problems().forEach(p -> errors.putIfAbsent(p.field(), formErrors.text(p.code(), p.args())));
            return roomForm(viewer, id, roomId, values, ticked, errors, model);
        } catch (RuleViolation violation) {
            return roomForm(viewer, id, roomId, values, ticked, formErrors.of(violation), model);
        }
    }

    // — a room's result —

    @GetMapping("/inspections/results/{id}")
    String result(Viewer viewer, @PathVariable long id, Model model) {
        InspectionViews.Result result = inspections.result(viewer, id);
        model.addAttribute("r", result);
        model.addAttribute("roundVisible", inspections.seesRound(viewer, result.roundId()));
        return "community-inspections/result";
    }

    @PostMapping("/inspections/rectifications/{id}/reinspect")
    String reinspect(Viewer viewer, @PathVariable long id, @RequestParam long inspection,
                     @RequestParam(required = false) String passed, @RequestParam(required = false) String note,
                     RedirectAttributes flash) {
        try {
            rectifications.reinspect(viewer, id, yesNo(passed), note);
            flash.addFlashAttribute("success", formErrors.text("inspection.rectification.checked"));
        } catch (InvalidInput invalid) {
            flash.addFlashAttribute("error", formErrors.of(invalid, Set.of()).get(FormErrors.FORM));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", formErrors.text(violation.code(), violation.args()));
        }
        return "redirect:/inspections/results/" + inspection;
    }

    @PostMapping("/inspections/appeals/{id}/decide")
    String decide(Viewer viewer, @PathVariable long id, @RequestParam long inspection,
                  @RequestParam(required = false) String upheld, @RequestParam(required = false) String note,
                  RedirectAttributes flash) {
        try {
            appeals.decide(viewer, id, yesNo(upheld), note);
            flash.addFlashAttribute("success", formErrors.text("inspection.appeal.decidedNow"));
        } catch (InvalidInput invalid) {
            flash.addFlashAttribute("error", formErrors.of(invalid, Set.of()).get(FormErrors.FORM));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", formErrors.text(violation.code(), violation.args()));
        }
        return "redirect:/inspections/results/" + inspection;
    }

    // — the resident —

    @GetMapping("/inspections/my-room")
    String myRoom(Viewer viewer, Model model) {
        model.addAttribute("results", inspections.myRoom(viewer));
        model.addAttribute("appealDays", properties.appealDays());
        return "community-inspections/my-room";
    }

    @GetMapping("/inspections/results/{id}/appeal")
    String appealForm(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String defect, Model model) {
        return appealForm(viewer, id, defect, "", Map.of(), model);
    }

    private String appealForm(Viewer viewer, long id, String defect, String reason, Map<String, String> errors, Model model) {
        InspectionViews.Result result = inspections.result(viewer, id);
        if (result.defects().stream().noneMatch(InspectionViews.Defect::appealable) && errors.isEmpty()) {
            throw new NotFoundException("inspection", id);
        }
        model.addAttribute("r", result);
        model.addAttribute("defect", defect == null ? "" : defect);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("errors", errors);
        return "community-inspections/appeal";
    }

    @PostMapping("/inspections/results/{id}/appeals")
    String appeal(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String defectId,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes flash) {
        try {
            appeals.file(viewer, id, parseId(defectId), reason);
            flash.addFlashAttribute("success", formErrors.text("inspection.appeal.filed"));
            return "redirect:/inspections/my-room";
        } catch (InvalidInput invalid) {
            return appealForm(viewer, id, defectId, reason, formErrors.of(invalid, Set.of("defectId", "reason")), model);
        }
    }

    // — lists —

    @GetMapping("/inspections/rectifications")
    String rectifications(Viewer viewer, @RequestParam(defaultValue = "false") boolean overdue, Model model) {
        model.addAttribute("rows", rectifications.open(viewer, overdue));
        model.addAttribute("overdue", overdue);
        return "community-inspections/rectifications";
    }

    @GetMapping("/inspections/appeals")
    String appeals(Viewer viewer, Model model) {
        model.addAttribute("rows", appeals.pending(viewer));
        return "community-inspections/appeals";
    }

    @GetMapping("/inspections/rankings")
    String rankings(Viewer viewer, @RequestParam(required = false) String month, Model model) {
        YearMonth chosen = YearMonth.from(CampusTime.today(clock));
        if (month != null && !month.isBlank()) {
            try {
                chosen = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("monthError", formErrors.text("inspection.badMonth"));
            }
        }
        model.addAttribute("rankings", ratings.month(viewer, chosen));
        model.addAttribute("previous", chosen.minusMonths(1));
        model.addAttribute("next", chosen.plusMonths(1));
        return "community-inspections/rankings";
    }

    @GetMapping("/inspections/photos/{id}")
    ResponseEntity<byte[]> photo(Viewer viewer, @PathVariable long id) {
        Photo photo = inspections.photo(viewer, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header("Cache-Control", "private, max-age=3600").body(photo.data());
    }

    // — helpers —

    static Long parseId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    static Boolean yesNo(String value) {
        if ("true".equals(value)) {
            return true;
        }
        return "false".equals(value) ? false : null;
    }

    static List<Photo> photos(List<MultipartFile> files) {
        List<Photo> photos = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file != null && !file.isEmpty()) {
                try {
                    photos.add(Photo.of(file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return photos;
    }
}
