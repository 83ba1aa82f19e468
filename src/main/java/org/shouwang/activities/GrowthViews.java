package org.shouwang.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the growth record (第二课堂成绩单) shows: every activity a student attended (attendance
 * PRESENT) with the hours and credits it gave, and the totals by semester, type and five-education
 * dimension. An activity that serves several educations counts its hours in each of them, so the
 * education totals add up to more than the total.
 */
public final class GrowthViews {

    private GrowthViews() {
    }

    /** Who the record is of; no personal identifiers beyond the student number. */
    public record Student(long id, String studentNumber, String name, String className, String college) {
    }

    /** One attended activity. {@code date} is the start date in the campus zone; {@code semester} its key ("2025-1"). */
    public record Entry(long activityId, String title, LocalDate date, ActivityType type, String series, String brand,
                        Set<FiveEducation> educations, BigDecimal hours, BigDecimal credits, String semester,
                        boolean volunteering) {
    }

    /** Volunteer hours: the hours of volunteer services ({@link ActivityType#volunteering()}). */
    public record Totals(int activities, BigDecimal hours, BigDecimal credits, BigDecimal volunteerHours) {
    }

    /** One term: {@code semester} is its key ("2025-1"), {@code label} its name in the caller's language. */
    public record SemesterTotals(String semester, String label, int activities, BigDecimal hours, BigDecimal credits,
                                 BigDecimal volunteerHours) {
    }

    public record TypeTotals(ActivityType type, int activities, BigDecimal hours, BigDecimal credits) {
    }

    /** Every dimension is listed, with zero where nothing was attended. */
    public record EducationTotals(FiveEducation education, int activities, BigDecimal hours, BigDecimal credits) {
    }

    /** A student's whole record, newest activity first, with the transcripts issued of it. */
    public record Record(Student student, Totals total, List<SemesterTotals> bySemester, List<TypeTotals> byType,
                         List<EducationTotals> byEducation, List<Entry> entries, List<Issued> transcripts) {
    }

    /**
     * A transcript as issued: its verification code (as stored and grouped for reading), when (and
     * the date in the campus zone) and the totals it certified.
     */
    public record Issued(String code, String displayCode, Instant issuedAt, LocalDate issuedOn, int activities,
                         BigDecimal hours, BigDecimal credits, BigDecimal volunteerHours) {
    }

    /** A transcript to print: the record as it was when issued. */
    public record Document(Issued issued, Student student, String issuedBy, List<Entry> entries,
                           List<SemesterTotals> bySemester, List<EducationTotals> byEducation) {
    }

    /** What anyone may check with a code: the holder masked (张** / 2024****12), the date and the totals as issued. */
    public record Verification(String code, String displayCode, String maskedName, String maskedNumber, LocalDate issuedOn,
                               int activities, BigDecimal hours, BigDecimal credits, BigDecimal volunteerHours,
                               List<EducationTotals> byEducation) {
    }

    /** One student's totals for the class export. */
    public record StudentTotals(long studentId, String studentNumber, String name, int activities, BigDecimal hours,
                                BigDecimal credits, BigDecimal volunteerHours, Map<FiveEducation, BigDecimal> educationHours) {
    }

    /** A class's totals for one semester ({@code semester} null: all of them), one row per student. */
    public record ClassTotals(long classId, String className, String college, String semester, String label,
                              List<StudentTotals> students) {
    }

    /** A class the viewer may export. */
    public record ExportableClass(long id, String code, String name, String college, int gradeYear, long students) {
    }
}
