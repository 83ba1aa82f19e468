package org.shouwang.activities.web;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.activities.AttendanceViews;
import org.shouwang.activities.AttendanceViews.CodePurpose;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.PersonalCodes;
import org.shouwang.activities.web.CheckInBodies.CheckInScanBody;
import org.shouwang.activities.web.CheckInBodies.CheckInTokenBody;
import org.shouwang.shared.Viewer;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Check-in over HTTP, for the campus app and door scanners: the organiser's rotating code, a
 * student checking in (out) with it, staff scanning personal codes or typing student numbers, and
 * the student's own personal code. The same rules as the pages: an activity the caller does not
 * organise answers 404 on the organiser's paths; a refused check-in answers 409 with the reason in
 * the caller's language (expired, forged, another activity's, closed, not registered).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Check-in", description = "Rotating QR check-in and check-out, personal codes scanned at the door (签到)")
class CheckInApi {

    private final CheckIns checkIns;
    private final PersonalCodes codes;

    CheckInApi(CheckIns checkIns, PersonalCodes codes) {
        this.checkIns = checkIns;
        this.codes = codes;
    }

    record CheckInCodeView(long activityId, CodePurpose purpose, boolean open, String token, String url, Instant validUntil,
                    int periodSeconds, Instant opensAt, Instant closesAt, AttendanceViews.CheckInCounts counts) {
    }

    @GetMapping("/activities/{id}/check-in-token")
    @Operation(summary = "The rotating check-in (or check-out) code to show now, with the live counts (organisers)",
            description = "token is an HMAC-SHA256 of the activity and the current time window (15 s), signed with the "
                    + "activity's key; url is the address to encode in the QR code. A code is accepted in its own window "
                    + "and the next, so poll again before validUntil. token and url are null while check-in is closed "
                    + "(from checkInOpensBefore before the start until the end; check-out until an hour after the end). "
                    + "CHECK_OUT only for activities whose hours go by duration.")
    ResponseEntity<CheckInCodeView> code(Viewer viewer, @PathVariable long id,
                                  @Parameter(description = "CHECK_IN (default) or CHECK_OUT") @RequestParam(required = false) String purpose) {
        AttendanceViews.CheckInCode c = checkIns.code(viewer, id, CheckInBodies.purpose(purpose));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new CheckInCodeView(c.activityId(), c.purpose(), c.open(), c.token(), c.path() == null ? null : absolute(c.path()),
                        c.validUntil(), c.periodSeconds(), c.opensAt(), c.closesAt(), c.counts()));
    }

    @GetMapping("/activities/{id}/check-ins/counts")
    @Operation(summary = "How many hold a seat, have checked in and have checked out (organisers)")
    AttendanceViews.CheckInCounts counts(Viewer viewer, @PathVariable long id) {
        return checkIns.counts(viewer, id);
    }

    @PostMapping("/activities/{id}/check-ins")
    @Operation(summary = "A student checks in with the code they scanned",
            description = "Registered students only (walk-ins are recorded by staff at the door, see scan), while check-in "
                    + "is open. 201 when recorded; 200 with recorded=false when the student had checked in before: it counts "
                    + "once. 409 with the reason for an expired, forged or other activity's code.")
    ResponseEntity<AttendanceViews.CheckedIn> checkIn(Viewer viewer, @PathVariable long id, @RequestBody CheckInTokenBody body) {
        AttendanceViews.CheckedIn done = checkIns.checkIn(viewer, id, body.token());
        return done.recorded() ? ResponseEntity.created(mine(id)).body(done) : ResponseEntity.ok(done);
    }

    @PostMapping("/activities/{id}/check-outs")
    @Operation(summary = "A student checks out with the check-out code; the hours become the time stayed",
            description = "Hours: from check-in to check-out, at most the activity's length, rounded down to half hours, at "
                    + "most the activity's hours when it names any. recorded=false when already checked out.")
    AttendanceViews.CheckedOut checkOut(Viewer viewer, @PathVariable long id, @RequestBody CheckInTokenBody body) {
        return checkIns.checkOut(viewer, id, body.token());
    }

    @PostMapping("/activities/{id}/check-ins/scan")
    @Operation(summary = "Staff at the door record a student: a scanned personal code or a typed student number (organisers)",
            description = "code: a personal code (recorded as PERSONAL_CODE) or a student number (MANUAL). Students who did "
                    + "not register are recorded too, with registered=false. purpose CHECK_OUT records a check-out instead. "
                    + "201 when a check-in was recorded, else 200.")
    ResponseEntity<AttendanceViews.ScanResult> scan(Viewer viewer, @PathVariable long id, @RequestBody CheckInScanBody body) {
        AttendanceViews.ScanResult result = checkIns.scan(viewer, id, body.purposeOrIn(), body.code());
        return result.recorded() && result.purpose() == CodePurpose.CHECK_IN
                ? ResponseEntity.created(URI.create("/api/v1/activities/" + id + "/attendance")).body(result)
                : ResponseEntity.ok(result);
    }

    @GetMapping("/me/code")
    @Operation(summary = "The signed-in student's personal code now, to show as a QR code to staff at the door",
            description = "It rotates with the check-in period; fetch it again before validUntil.")
    ResponseEntity<AttendanceViews.PersonalCode> myCode(Viewer viewer) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(codes.current(viewer));
    }

    private static URI mine(long id) {
        return URI.create("/api/v1/activities/" + id + "/attendance/mine");
    }

    private static String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + path;
    }
}
