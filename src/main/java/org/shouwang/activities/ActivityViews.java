package org.shouwang.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** What the activities module shows: lists, one activity with what the viewer may do, registrations. */
public final class ActivityViews {

    private ActivityViews() {
    }

    /** Which activities a list shows. */
    public enum Scope {
        /** Published ones (and cancelled after publication), for everyone. */
        PUBLIC,
        /** Those the viewer organises, in any state. */
        ORGANISED,
        /** Submitted and waiting for approval (approvers). */
        PENDING,
        /** Those the viewer (a student) registered for, waitlisted on or attended. */
        REGISTERED
    }

    public record Filter(Scope scope, FiveEducation education, ActivityType type, String series, String brand,
                         LocalDate from, LocalDate to, boolean inMyBuilding, String q) {

        public static Filter of(Scope scope) {
            return new Filter(scope, null, null, null, null, null, null, false, null);
        }
    }

    public record Row(long id, String title, ActivityType type, String series, String brand, Set<FiveEducation> educations,
                      String organiser, String venue, String building, Instant startsAt, Instant endsAt, int capacity,
                      int taken, int waiting, ActivityState state, RegistrationState myRegistration, BigDecimal hours,
                      int waitlistLimit) {

        public boolean full() {
            return taken >= capacity;
        }

        /** Every seat taken, but a place on the waitlist still free. */
        public boolean waitlistOpen() {
            return full() && waiting < waitlistLimit;
        }
    }

    /** The viewer's own place on an activity. */
    public record Mine(RegistrationState state, Integer waitlistPosition, String leaveState, boolean attended,
                       Instant checkedInAt, Integer rating) {
    }

    /** What the viewer may do on an activity now. */
    public record Moves(boolean edit, boolean submit, boolean approve, boolean cancel, boolean manage, boolean register,
                        boolean cancelRegistration, boolean askLeave) {
    }

    public record Detail(long id, int version, ActivityDraft plan, String building, String audienceTarget, ActivityState state,
                         int taken, int waiting, String createdBy, String leader, Instant submittedAt, Instant decidedAt,
                         String rejectionReason, String cancellationReason, String summary, Mine mine, Moves moves) {
    }

    /** How a registration ended: a seat, a place on the waitlist (with its position). */
    public record Outcome(RegistrationState state, Integer waitlistPosition) {
    }

    /** One student's registration, as the organiser sees it. */
    public record RegistrationRow(long studentId, String studentNumber, String name, String className, RegistrationState state,
                                  Instant registeredAt, Instant waitlistedAt, String leaveState, String leaveReason) {
    }
}
