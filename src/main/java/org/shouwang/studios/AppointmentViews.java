package org.shouwang.studios;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the appointment pages and API show. */
public final class AppointmentViews {

    private AppointmentViews() {
    }

    /** What staff record after the start. */
    public enum Outcome {
        ATTENDED, NO_SHOW
    }

    /** Whose appointments a list holds: the calling student's, or those of the studios the caller works in. */
    public enum Scope {
        MINE, STUDIOS
    }

    /**
     * A bookable slot. Students see free ones only; the studio's staff see booked ones too, with the
     * appointment's id ({@code appointmentId} is null for everyone else).
     */
    public record Slot(long id, long studioId, AppointmentService service, long staffAccountId, String staffName, String place,
                       Instant startsAt, Instant endsAt, SlotState state, Long appointmentId) {
    }

    /** A studio taking appointments: how many slots are free from now on, and the first of them. */
    public record OpenStudio(long studioId, String name, StudioType type, long free, Instant next) {
    }

    /** The slots of one campus day. */
    public record Day(LocalDate date, List<Slot> slots) {
    }

    /** A line of a list of appointments; the student's number and name only for staff. */
    public record Row(long id, long studioId, String studioName, AppointmentService service, Instant startsAt, Instant endsAt,
                      String place, String staffName, AppointmentState state, String studentNumber, String studentName,
                      boolean confidential) {
    }

    /**
     * A list of appointments. {@code withheld}: how many confidential appointments of the studios the
     * caller works in are not listed, because only the psychology centre sees them.
     */
    public record Listing(List<Row> rows, long withheld) {
    }

    /** What the caller may do to the appointment now. */
    public record Moves(boolean cancel, boolean reschedule, boolean markOutcome, boolean writeNote) {
    }

    /**
     * One appointment. The student's number and name and the session note are for staff only:
     * the student never sees the note ({@code note}, {@code noteBy}, {@code noteAt} are null for them).
     *
     * @param changeBy until when the student may cancel or reschedule
     */
    public record Detail(long id, int version, long studioId, String studioName, StudioType studioType,
                         AppointmentService service, long slotId, Instant startsAt, Instant endsAt, String place,
                         long staffAccountId, String staffName, String studentNumber, String studentName, String topic,
                         AppointmentState state, boolean confidential, Instant bookedAt, Instant changeBy, Moves moves,
                         String note, String noteBy, Instant noteAt) {
    }
}
