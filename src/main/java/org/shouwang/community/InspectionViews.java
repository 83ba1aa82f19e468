package org.shouwang.community;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** What inspections show and take: the rubric, rounds, a room's result, rectifications, appeals, ratings. */
public final class InspectionViews {

    private InspectionViews() {
    }

    // — the rubric —

    public record Item(long id, int version, InspectionArea area, String text, int maxDeduction, DefectKind kind,
                       String repairSubcategory, boolean active) {
    }

    /** A rubric item as a form or a JSON body sends it: every value as typed, checked by {@link Rubric}. */
    public record ItemDraft(String area, String text, String maxDeduction, String kind, String repairSubcategory) {
    }

    // — rounds —

    /**
     * A round to start: a building, optionally one floor, a date (today when blank, never in the future),
     * all rooms or a random spot check of {@code spotCount} rooms.
     */
    public record RoundDraft(String buildingId, String floor, String heldOn, String mode, String spotCount) {
    }

    public record RoundRow(long id, long buildingId, String building, Integer floor, LocalDate heldOn, RoundMode mode,
                           String inspector, boolean open, int rooms, int recorded) {
    }

    public record Round(long id, long buildingId, String building, Integer floor, LocalDate heldOn, RoundMode mode,
                        Integer spotCount, Long seed, long inspectorAccountId, String inspector, boolean open,
                        Instant startedAt, Instant finishedAt, List<RoundRoom> rooms, boolean mayRecord) {

        public long recorded() {
            return rooms.stream().filter(r -> r.inspectionId() != null).count();
        }
    }

    public record RoundRoom(long roomId, int floor, String number, Long inspectionId, Integer score, int defects) {
    }

    /** One defect ticked on a room: a rubric item, its deduction (up to the item's maximum) and a note. */
    public record DefectEntry(Long itemId, String deduction, String note) {
    }

    public record RoomRecord(List<DefectEntry> defects, String note) {
    }

    public record Recorded(long inspectionId, int score, List<String> repairRequests) {
    }

    // — a room's result —

    public record Result(long id, long roundId, long roomId, long buildingId, String building, int floor, String room,
                         LocalDate heldOn, int score, String note, String inspector, List<Defect> defects,
                         List<Long> photoIds, Rectification rectification, List<Appeal> appeals, LocalDate appealUntil,
                         boolean mayAppeal, boolean mayDecide, boolean mayReinspect) {
    }

    public record Defect(long id, InspectionArea area, DefectKind kind, String item, int maxDeduction, int deduction,
                         String note, boolean waived, Long ticketId, String ticketNumber, boolean appealable) {
    }

    public record Rectification(long id, long inspectionId, int version, LocalDate dueOn, String state, int failedChecks,
                                String lastNote, boolean overdue) {
    }

    public record RectificationRow(long id, long inspectionId, String building, int floor, String room, LocalDate heldOn,
                                   LocalDate dueOn, int failedChecks, boolean overdue) {
    }

    public record Appeal(long id, long defectId, String item, int deduction, String student, String reason, String state,
                         Instant filedAt, String decisionNote) {
    }

    public record AppealRow(long id, long inspectionId, String building, String room, String item, int deduction,
                            String student, String reason, Instant filedAt) {
    }

    // — ratings —

    /** The month's civilised-dorm ratings and rankings, narrowed to what the viewer may see ({@code whole} when everything). */
    public record Rankings(YearMonth month, int threshold, boolean whole, List<Rank> floors, List<Rank> buildings,
                           List<Rank> colleges, List<RoomRating> rooms) {
    }

    public record Rank(int rank, String name, int rooms, double average, int civilised) {
    }

    public record RoomRating(long roomId, String building, int floor, String room, double average, int inspections,
                             boolean civilised, boolean unresolvedHazard) {
    }
}
