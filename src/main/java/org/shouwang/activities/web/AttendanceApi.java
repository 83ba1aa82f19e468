package org.shouwang.activities.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.shouwang.activities.AttendanceQueries;
import org.shouwang.activities.AttendanceViews;
import org.shouwang.activities.Attendances;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.web.AttendanceBodies.AppealBody;
import org.shouwang.activities.web.AttendanceBodies.AppealDecisionBody;
import org.shouwang.activities.web.AttendanceBodies.LateEntryBody;
import org.shouwang.activities.web.AttendanceBodies.LateEntryDecisionBody;
import org.shouwang.activities.web.AttendanceBodies.RatingBody;
import org.shouwang.activities.web.AttendanceBodies.SummaryBody;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Photo;
import org.shouwang.shared.Viewer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attendance after the activity over HTTP: the organiser's attendance list, late entries (补录) and
 * their approval, appeals of students marked absent, the summary and photos, participants'
 * ratings. The same rules as the pages: the organiser's paths answer 404 to anyone else; bad input
 * answers 400 with each field's problem; a broken rule 409 with the reason.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Attendance", description = "After an activity: attendance list, late entries, appeals, summary, photos, ratings")
class AttendanceApi {

    private final Attendances attendances;
    private final AttendanceQueries queries;

    AttendanceApi(Attendances attendances, AttendanceQueries queries) {
        this.attendances = attendances;
        this.queries = queries;
    }

    // — reading —

    @GetMapping("/activities/{id}/attendance")
    @Operation(summary = "The attendance list (organisers): present with method, times and hours; late entries; no-shows; "
            + "appeals; ratings; summary and photos",
            description = "No-shows: students holding a seat (not on leave) who are neither counted present nor waiting for "
                    + "a late entry's approval; before the end, those not checked in yet.")
    AttendanceViews.AttendanceSheet sheet(Viewer viewer, @PathVariable long id) {
        return queries.sheet(viewer, id);
    }

    @GetMapping("/activities/{id}/attendance/mine")
    @Operation(summary = "The signed-in student's own attendance at the activity, and whether they may rate it or appeal",
            description = "404 when the student neither registered nor was recorded.")
    AttendanceViews.MyAttendance mine(Viewer viewer, @PathVariable long id) {
        AttendanceViews.MyAttendance mine = queries.mine(viewer, id);
        if (mine == null) {
            throw new NotFoundException("attendance", id);
        }
        return mine;
    }

    @GetMapping("/activities/{id}/recap")
    @Operation(summary = "After the activity, for whoever may see it: the summary, the photos, the caller's own "
            + "attendance (students) and the ratings (organisers)")
    AttendanceViews.ActivityRecap recap(Viewer viewer, @PathVariable long id) {
        return queries.recap(viewer, id);
    }

    // — late entries —

    @PostMapping("/activities/{id}/late-entries")
    @Operation(summary = "The organiser enters students late (补录), with a note; each waits for an approver",
            description = "After the end, within shouwang.activities.late-entry-days working days (holidays and make-up "
                    + "working days as the business calendar has them). Unknown numbers and students already recorded are "
                    + "listed, not entered.")
    ResponseEntity<CheckIns.Entered> enterLate(Viewer viewer, @PathVariable long id, @RequestBody LateEntryBody body) {
        CheckIns.Entered entered = attendances.enterLate(viewer, id, body.numbers(), body.note());
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id + "/attendance")).body(entered);
    }

    @GetMapping("/late-entries")
    @Operation(summary = "Late entries waiting for a decision, oldest first (student affairs, admins)")
    List<AttendanceViews.LateEntry> lateEntries(Viewer viewer) {
        return queries.lateEntries(viewer);
    }

    @PostMapping("/late-entries/{attendanceId}/decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Approve a late entry (it counts from then on) or refuse it with a note; the student is told")
    void decideLateEntry(Viewer viewer, @PathVariable long attendanceId, @Valid @RequestBody LateEntryDecisionBody body) {
        attendances.decideLateEntry(viewer, attendanceId, body.approve(), body.note());
    }

    // — appeals —

    @PostMapping("/activities/{id}/appeals")
    @Operation(summary = "A student marked absent appeals with a reason, within shouwang.activities.appeal-days after the end",
            description = "Only a student who held a seat and was not counted present; once per activity.")
    ResponseEntity<AppealFiled> appeal(Viewer viewer, @PathVariable long id, @RequestBody AppealBody body) {
        long appealId = attendances.appeal(viewer, id, body.reason());
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id + "/attendance/mine")).body(new AppealFiled(appealId));
    }

    record AppealFiled(long id) {
    }

    @PostMapping("/activities/{id}/appeals/{appealId}/decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The organiser restores an appeal (the student is counted present, method APPEAL) or refuses it "
            + "with an answer; the student is told")
    void decideAppeal(Viewer viewer, @PathVariable long id, @PathVariable long appealId, @Valid @RequestBody AppealDecisionBody body) {
        attendances.decideAppeal(viewer, id, appealId, body.restore(), body.answer());
    }

    // — summary and photos —

    @PutMapping("/activities/{id}/summary")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The organiser writes the activity's summary (once it has started; at most 4000 characters)")
    void summarise(Viewer viewer, @PathVariable long id, @RequestBody SummaryBody body) {
        attendances.summarise(viewer, id, body.summary());
    }

    @GetMapping("/activities/{id}/photos")
    @Operation(summary = "The ids of the activity's photos, for whoever may see the activity")
    List<Long> photos(Viewer viewer, @PathVariable long id) {
        return queries.photos(viewer, id);
    }

    @PostMapping(path = "/activities/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The organiser adds photos (JPEG, PNG, GIF or WebP; at most shouwang.activities.max-photos in all)")
    ResponseEntity<List<Long>> addPhotos(Viewer viewer, @PathVariable long id,
                                         @RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
        List<Long> ids = attendances.addPhotos(viewer, id, AttendanceController.photos(photos));
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id + "/photos")).body(ids);
    }

    @GetMapping("/activities/{id}/photos/{photoId}")
    @Operation(summary = "One photo of the activity, with its content type")
    ResponseEntity<byte[]> photo(Viewer viewer, @PathVariable long id, @PathVariable long photoId) {
        Photo photo = queries.photo(viewer, id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.data());
    }

    @DeleteMapping("/activities/{id}/photos/{photoId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The organiser removes a photo")
    void removePhoto(Viewer viewer, @PathVariable long id, @PathVariable long photoId) {
        attendances.removePhoto(viewer, id, photoId);
    }

    // — ratings —

    @PutMapping("/activities/{id}/rating")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "A participant (counted present) rates the activity 1–5 with an optional comment; again replaces it")
    void rate(Viewer viewer, @PathVariable long id, @RequestBody RatingBody body) {
        attendances.rate(viewer, id, body.rating(), body.comment());
    }

    @GetMapping("/activities/{id}/ratings")
    @Operation(summary = "Participants' ratings: how many, the average and the comments (organisers)")
    AttendanceViews.Ratings ratings(Viewer viewer, @PathVariable long id) {
        return queries.ratings(viewer, id);
    }
}
