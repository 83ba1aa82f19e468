package org.shouwang.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every figure of a governance report, computed once from the other modules' public services and
 * kept as JSON with the report job. Periods are from {@code from} to {@code to}, both days
 * inclusive, in the campus zone. Counts "of today" (branches, studios, projects, partners,
 * mentors) are taken when the report is generated; everything else counts what happened in the
 * period. Maps are keyed by enum names (or series and leader names as written), in a stable order.
 */
public record ReportFigures(LocalDate from, LocalDate to, Instant generatedAt, Organisation organisation, Requests requests,
                            StudiosAndProjects studios, PartnersAndMentors partners, FrontLine frontLine,
                            Activities activities, Honours honours) {

    /** The series names the seed article names: 求是讲堂, master lectures, alumni lectures. */
    public static final String QIUSHI_SERIES = "求是讲堂";
    public static final String MASTER_SERIES = "大师讲堂";
    public static final String ALUMNI_SERIES = "校友讲堂";

    /** Section 1: functional Party branches (today), community meetings and seminars held in the period. */
    public record Organisation(int functionalBranches, int communityMeetings, int seminars) {
    }

    /**
     * Section 2: the closed loop, from the tickets module's KPIs of the requests submitted in the
     * period. Rates are shares from 0 to 1, null when there is nothing to divide by; medians are in
     * business minutes.
     */
    public record Requests(long received, long responded, Double responseRate, Double onTimeResponseRate, long resolved,
                           Double onTimeResolutionRate, long followUpsAnswered, Double resolutionRate, Double satisfactionRate,
                           Double medianResponseMinutes, Double medianResolutionMinutes, List<CategoryCount> byCategory) {
    }

    /**
     * One category's requests; {@code requests} and {@code responded} are null when hidden ("&lt;5", sensitive and
     * small; or "—" when {@code withheld} so that another "&lt;5" cannot be worked out from the total).
     */
    public record CategoryCount(String category, Long requests, Long responded, boolean hidden, boolean withheld) {
    }

    /**
     * Section 3: active studios by type, with the counsellor, head-teacher and psychology studios
     * and the "stationed" ones (every other type); projects by level.
     */
    public record StudiosAndProjects(int studios, int counsellor, int headTeacher, int psychology, int stationed,
                                     Map<String, Integer> byType, int projects, int featuredProjects, int qualityProjects) {
    }

    /** Section 4: active partners by kind; active mentors and their participation entries and hours in the period. */
    public record PartnersAndMentors(int partners, Map<String, Integer> byKind, int mentors, int participationEntries,
                                     int mentorsTakingPart, BigDecimal participationHours) {
    }

    /**
     * Section 5: leaders' front-line activities starting in the period: dinner meetings and
     * afternoon teas together, policy talks, and the organisation life and Party days they joined.
     */
    public record FrontLine(int total, int dinnersAndTeas, int dinnerMeetings, int afternoonTeas, int policyTalks,
                            int partyActivities, List<LeaderCount> byLeader) {
    }

    /** One leader's front line in the period. */
    public record LeaderCount(String leader, int dinnersAndTeas, int policyTalks, int partyActivities, int total) {
    }

    /**
     * Section 6: published activities starting in the period (each counted once), their
     * attendances and hours; by education, series and type, and the seed article's named figures.
     */
    public record Activities(long total, long attendances, BigDecimal hours, long qiushiLectures, long masterLectures,
                             long alumniLectures, long clubActivities, long volunteerServices, long socialPractice,
                             long festivals, long competitions, List<Group> byEducation, List<Group> bySeries,
                             List<Group> byType) {
    }

    /** One group of activities: key as the activities module names it (enum name or series as written). */
    public record Group(String key, long activities, long attendances, BigDecimal hours) {
    }

    /** Section 7: honours awarded in the period, by level. */
    public record Honours(int total, Map<String, Integer> byLevel, List<Honour> list) {
    }

    /** One honour of the period. */
    public record Honour(String title, String awardingBody, String level, LocalDate awardedOn) {
    }
}
