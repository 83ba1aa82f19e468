package org.shouwang.activities.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.activities.ActivitiesProperties;
import org.shouwang.activities.AttendanceQueries;
import org.shouwang.activities.Attendances;
import org.shouwang.activities.CheckIns;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.MessageArguments;
import org.shouwang.shared.Photo;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * After the activity: the organiser's attendance sheet (late entries, appeals, summary, photos,
 * ratings), the approvers' queue of late entries, and the recap anyone who may see the activity
 * sees, where a participant rates it and a student marked absent appeals. Every move posts,
 * goes back to its page and says there what happened, or why not beside the field, with what was
 * typed kept.
 */
@Controller
class AttendanceController {

    private final Attendances attendances;
    private final AttendanceQueries queries;
    private final ActivitiesProperties properties;
    private final MessageSource messages;

    AttendanceController(Attendances attendances, AttendanceQueries queries, ActivitiesProperties properties,
                         MessageSource messages) {
        this.attendances = attendances;
        this.queries = queries;
        this.properties = properties;
        this.messages = messages;
    }

    // — the organiser's sheet —

    @GetMapping("/activities/{id}/attendance")
    String sheet(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("sheet", queries.sheet(viewer, id));
        model.addAttribute("maxPhotoMb", properties.maxPhotoBytes() / (1024 * 1024));
        model.addAttribute("maxPhotoBytes", properties.maxPhotoBytes());
        model.addAttribute("lateEntryDays", properties.lateEntryDays());
        return "activities-checkin/attendance";
    }

    @PostMapping("/activities/{id}/attendance/late-entries")
    String enterLate(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String studentNumbers,
                     @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
        return act(flash, sheetOf(id), "lateEntry", Map.of("studentNumbers", studentNumbers, "note", note), () -> {
            CheckIns.Entered entered = attendances.enterLate(viewer, id, studentNumbers, note);
            return entered(entered);
        });
    }

    @PostMapping("/activities/{id}/attendance/appeals/{appealId}")
    String decideAppeal(Viewer viewer, @PathVariable long id, @PathVariable long appealId,
                        @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String answer,
                        RedirectAttributes flash) {
        boolean restore = "restore".equals(decision);
        return act(flash, sheetOf(id) + "#appeal-" + appealId, "appeal-" + appealId, Map.of("answer", answer), () -> {
            attendances.decideAppeal(viewer, id, appealId, restore, answer);
            return text(restore ? "attendanceAppeal.restoredDone" : "attendanceAppeal.refusedDone");
        });
    }

    @PostMapping("/activities/{id}/attendance/summary")
    String summarise(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String summary,
                     RedirectAttributes flash) {
        return act(flash, sheetOf(id) + "#recap", "summary", Map.of("summary", summary), () -> {
            attendances.summarise(viewer, id, summary);
            return text("activityRecap.summarySaved");
        });
    }

    @PostMapping("/activities/{id}/attendance/photos")
    String addPhotos(Viewer viewer, @PathVariable long id,
                     @RequestParam(name = "photos", required = false) List<MultipartFile> files, RedirectAttributes flash) {
        return act(flash, sheetOf(id) + "#recap", "photos", Map.of(), () -> {
            int added = attendances.addPhotos(viewer, id, photos(files)).size();
            return text("activityRecap.photosAdded", String.valueOf(added));
        });
    }

    @PostMapping("/activities/{id}/attendance/photos/{photoId}/delete")
    String removePhoto(Viewer viewer, @PathVariable long id, @PathVariable long photoId, RedirectAttributes flash) {
        return act(flash, sheetOf(id) + "#recap", "photos", Map.of(), () -> {
            attendances.removePhoto(viewer, id, photoId);
            return text("activityRecap.photoRemoved");
        });
    }

    /** A photo of the activity, for whoever may see the activity. */
    @GetMapping("/activities/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(Viewer viewer, @PathVariable long id, @PathVariable long photoId) {
        Photo photo = queries.photo(viewer, id, photoId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header("Content-Disposition", "inline")
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.data());
    }

    // — the approvers' queue —

    @GetMapping("/activities/late-entries")
    String lateEntries(Viewer viewer, Model model) {
        model.addAttribute("entries", queries.lateEntries(viewer));
        return "activities-checkin/late-entries";
    }

    @PostMapping("/activities/late-entries/{attendanceId}")
    String decideLateEntry(Viewer viewer, @PathVariable long attendanceId, @RequestParam(defaultValue = "") String decision,
                           @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
        boolean approve = "approve".equals(decision);
        return act(flash, "/activities/late-entries", "entry-" + attendanceId, Map.of("note", note), () -> {
            attendances.decideLateEntry(viewer, attendanceId, approve, note);
            return text(approve ? "lateEntry.approvedDone" : "lateEntry.refusedDone");
        });
    }

    // — the recap, and the student's part in it —

    @GetMapping("/activities/{id}/recap")
    String recap(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("recap", queries.recap(viewer, id));
        return "activities-checkin/recap";
    }

    @PostMapping("/activities/{id}/recap/appeal")
    String appeal(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return act(flash, recapOf(id), "appeal", Map.of("reason", reason), () -> {
            attendances.appeal(viewer, id, reason);
            return text("attendanceAppeal.filedDone");
        });
    }

    @PostMapping("/activities/{id}/recap/rating")
    String rate(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String rating,
                @RequestParam(defaultValue = "") String comment, RedirectAttributes flash) {
        return act(flash, recapOf(id), "rating", Map.of("rating", rating, "comment", comment), () -> {
            attendances.rate(viewer, id, rating(rating), comment);
            return text("activityRating.saved");
        });
    }

    // — helpers —

    private interface Move {
        String run();
    }

    /**
     * Runs one move. Done: says what it came to. Refused by a rule: says why. Bad input: each
     * problem beside its field, what was typed kept, the form ({@code form}) opened again.
     */
    private String act(RedirectAttributes flash, String back, String form, Map<String, String> typed, Move move) {
        try {
            flash.addFlashAttribute("success", move.run());
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", text(violation.code(), violation.args()));
            flash.addFlashAttribute("openForm", form);
            flash.addFlashAttribute("typed", new LinkedHashMap<>(typed));
        } catch (InvalidInput invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (InvalidInput.Problem p : invalid.problems()) {
                errors.putIfAbsent(p.field(), text(p.code(), p.args()));
            }
            flash.addFlashAttribute("errors", errors);
            flash.addFlashAttribute("openForm", form);
            flash.addFlashAttribute("typed", new LinkedHashMap<>(typed));
        }
        return "redirect:" + back;
    }

    private String entered(CheckIns.Entered e) {
        List<String> parts = new ArrayList<>();
        parts.add(text("lateEntry.entered", String.valueOf(e.recorded().size())));
        if (!e.already().isEmpty()) {
            parts.add(text("lateEntry.enteredAlready", String.join("、", e.already())));
        }
        if (!e.unknown().isEmpty()) {
            parts.add(text("lateEntry.enteredUnknown", String.join("、", e.unknown())));
        }
        return String.join(" ", parts);
    }

    private static Integer rating(String rating) {
        try {
            return Integer.valueOf(rating.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<Photo> photos(List<MultipartFile> files) {
        List<Photo> photos = new ArrayList<>();
        if (files == null) {
            return photos;
        }
        for (MultipartFile file : files) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            try {
                photos.add(Photo.of(file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return photos;
    }

    private static String sheetOf(long id) {
        return "/activities/" + id + "/attendance";
    }

    private static String recapOf(long id) {
        return "/activities/" + id + "/recap";
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, MessageArguments.plain(args), LocaleContextHolder.getLocale());
    }
}
