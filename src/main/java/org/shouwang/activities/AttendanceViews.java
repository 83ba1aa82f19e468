package org.shouwang.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What check-in and the pages after an activity show: codes, outcomes, the attendance sheet, appeals, ratings. */
public final class AttendanceViews {

    private AttendanceViews() {
    }

    /** What a rotating code is for. */
    public enum CodePurpose { CHECK_IN, CHECK_OUT }

    /** An attendance: counted (PRESENT), a late entry waiting for approval (PENDING), or a late entry refused. */
    public enum AttendanceState { PRESENT, PENDING, REFUSED }

    public enum AppealState { FILED, RESTORED, REFUSED }

    /** Seats held, students checked in, and of them those who checked out. */
    public record CheckInCounts(int registered, int checkedIn, int checkedOut) {
    }

    /**
     * The code an organiser shows now: {@code token} (null while check-in is closed) and the path
     * of the page it opens ({@code path}, made absolute by the page or client that shows it), good
     * until {@code validUntil}; when check-in (or check-out) opens and closes, and whether that is
     * still to come ({@code opensLater}); the live counts.
     */
    public record CheckInCode(long activityId, String title, CodePurpose purpose, boolean open, String token, String path,
                              Instant validUntil, int periodSeconds, Instant opensAt, Instant closesAt, boolean opensLater,
                              CheckInCounts counts, boolean checkOutOffered) {
    }

    /**
     * A student opened the page of a scanned code: the activity, and a pass that lets them press
     * the button for two minutes; {@code doneAt} when they had already checked in (out).
     */
    public record ScannedCode(long activityId, String title, String venue, Instant startsAt, Instant endsAt, CodePurpose purpose,
                              String pass, Instant doneAt) {
    }

    /** {@code recorded} false: the student had checked in before (at {@code at}); it counts once. */
    public record CheckedIn(boolean recorded, Instant at) {
    }

    /** {@code recorded} false: the student had checked out before; the hours are those given then. */
    public record CheckedOut(boolean recorded, Instant checkedInAt, Instant checkedOutAt, BigDecimal hours) {
    }

    /** What a scan at the door came to; {@code registered} false: a walk-in the staff let in. */
    public record ScanResult(long studentId, String studentNumber, String name, String className, CodePurpose purpose,
                             AttendanceMethod method, boolean recorded, boolean registered, Instant at, BigDecimal hours) {
    }

    /** A student's personal code now. */
    public record PersonalCode(String token, Instant validUntil, int periodSeconds, String studentNumber, String name) {
    }

    /** One attendance on the organiser's sheet. */
    public record Attendee(long id, long studentId, String studentNumber, String name, String className, AttendanceState state,
                           AttendanceMethod method, Instant checkedInAt, Instant checkedOutAt, BigDecimal hours,
                           BigDecimal credits, String note, String decisionNote, boolean registered) {
    }

    /** Registered (not on leave) and not counted present, nor waiting for a late entry's approval. */
    public record NoShow(long studentId, String studentNumber, String name, String className) {
    }

    public record Appeal(long id, long studentId, String studentNumber, String name, String className, String reason,
                         AppealState state, Instant filedAt, Instant decidedAt, String answer) {
    }

    public record RatingComment(int rating, String text, Instant at) {
    }

    /** Participants' ratings: how many, the average (null when none) and the comments, newest first. */
    public record Ratings(int count, BigDecimal average, List<RatingComment> comments) {
    }

    /** Everything the organiser sees after (and during) the activity. */
    public record AttendanceSheet(long activityId, String title, Instant startsAt, Instant endsAt, boolean hoursByDuration,
                                  boolean started, boolean over, CheckInCounts counts, List<Attendee> present,
                                  List<Attendee> pending, List<Attendee> refused, List<NoShow> noShows, List<Appeal> appeals,
                                  Instant lateEntryFrom, Instant lateEntryUntil, boolean lateEntryOpen, Ratings ratings,
                                  String summary, List<Long> photos, int maxPhotos) {
    }

    /** A late entry (补录) in the approvers' queue. */
    public record LateEntry(long id, long activityId, String activityTitle, Instant activityEndsAt, long studentId,
                            String studentNumber, String name, String className, String note, Instant enteredAt,
                            String enteredBy) {
    }

    /** The signed-in student's own attendance at an activity, and what they may do about it. */
    public record MyAttendance(AttendanceState state, AttendanceMethod method, Instant checkedInAt, Instant checkedOutAt,
                               BigDecimal hours, String decisionNote, Integer rating, String ratingComment, boolean mayRate,
                               boolean noShow, boolean mayAppeal, Instant appealUntil, Appeal appeal) {
    }

    /** After the activity, for whoever may see it: the summary and photos; the student's own part; the ratings for organisers. */
    public record ActivityRecap(long activityId, String title, String venue, Instant startsAt, Instant endsAt, boolean started,
                                boolean over, String summary, List<Long> photos, MyAttendance mine, boolean manage,
                                Ratings ratings) {
    }
}
