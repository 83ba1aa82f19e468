package org.shouwang.party;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the mentor directory, a mentor's page and the API show. */
public final class MentorViews {

    private MentorViews() {
    }

    public record Summary(long id, String name, String affiliation, String title, Set<MentorExpertise> expertise,
                          BigDecimal hoursThisYear) {
    }

    public record Mentor(long id, int version, String name, String affiliation, Long partnerId, String partnerName,
                         String title, String bio, Set<MentorExpertise> expertise, String phone, boolean phoneShown,
                         boolean active, List<YearTotal> totals) {
    }

    /** A year's participation: how many times and how many hours. */
    public record YearTotal(int year, int times, BigDecimal hours) {
    }

    /** All mentors' participation in a period: entries, mentors who took part, hours. */
    public record PeriodTotal(int entries, int mentors, BigDecimal hours) {
    }

    public record Participation(long id, LocalDate on, MentorParticipationKind kind, String what, Long activityId,
                                Long studioId, String studioName, BigDecimal hours) {
    }
}
