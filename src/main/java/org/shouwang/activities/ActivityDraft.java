package org.shouwang.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * What an organiser writes about an activity. Times are instants; forms enter them in the campus
 * zone. {@code waitlistLimit} null means as many as the capacity; {@code leaderAccountId} names the
 * leader who leads it (front line).
 */
public record ActivityDraft(String title, String description, ActivityType type, String series, String brand,
                            Set<FiveEducation> educations, OrganiserKind organiserKind, String organiser,
                            Long leaderAccountId, Long buildingId, String venue, Instant startsAt, Instant endsAt,
                            Audience audience, Long audienceCollegeId, Integer audienceGrade, Long audienceBuildingId,
                            Integer capacity, Integer waitlistLimit, Instant registrationOpensAt,
                            Instant registrationClosesAt, Instant cancelBy, BigDecimal hours, BigDecimal credits,
                            boolean hoursByDuration) {

    public ActivityDraft {
        educations = educations == null ? Set.of() : Set.copyOf(educations);
    }
}
