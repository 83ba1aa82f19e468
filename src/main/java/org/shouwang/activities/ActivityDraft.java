package org.shouwang.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * What an organiser writes about an activity. Times are instants; forms enter them in the campus
 * zone. {@code waitlistLimit} null means as many as the capacity; {@code leaderAccountId} names the
 * leader who leads it (front line); {@code spaceId} the community space it reserves, if any (the
 * space's booking rules apply, so it never collides with another booking of that space).
 */
public record ActivityDraft(String title, String description, ActivityType type, String series, String brand,
                            Set<FiveEducation> educations, OrganiserKind organiserKind, String organiser,
                            Long leaderAccountId, Long buildingId, String venue, Instant startsAt, Instant endsAt,
                            Audience audience, Long audienceCollegeId, Integer audienceGrade, Long audienceBuildingId,
                            Integer capacity, Integer waitlistLimit, Instant registrationOpensAt,
                            Instant registrationClosesAt, Instant cancelBy, BigDecimal hours, BigDecimal credits,
                            boolean hoursByDuration, Long spaceId) {

    public ActivityDraft {
        educations = educations == null ? Set.of() : Set.copyOf(educations);
    }

    /** A plan that reserves no community space. */
    public ActivityDraft(String title, String description, ActivityType type, String series, String brand,
                         Set<FiveEducation> educations, OrganiserKind organiserKind, String organiser,
                         Long leaderAccountId, Long buildingId, String venue, Instant startsAt, Instant endsAt,
                         Audience audience, Long audienceCollegeId, Integer audienceGrade, Long audienceBuildingId,
                         Integer capacity, Integer waitlistLimit, Instant registrationOpensAt,
                         Instant registrationClosesAt, Instant cancelBy, BigDecimal hours, BigDecimal credits,
                         boolean hoursByDuration) {
        this(title, description, type, series, brand, educations, organiserKind, organiser, leaderAccountId, buildingId, venue,
                startsAt, endsAt, audience, audienceCollegeId, audienceGrade, audienceBuildingId, capacity, waitlistLimit,
                registrationOpensAt, registrationClosesAt, cancelBy, hours, credits, hoursByDuration, null);
    }

    /** The same plan taking place in a community space: its building, and its name unless a venue is given. */
    ActivityDraft inSpace(long id, long spaceBuildingId, String spaceName) {
        String place = venue == null || venue.isBlank() ? spaceName : venue;
        return new ActivityDraft(title, description, type, series, brand, educations, organiserKind, organiser, leaderAccountId,
                spaceBuildingId, place, startsAt, endsAt, audience, audienceCollegeId, audienceGrade, audienceBuildingId, capacity,
                waitlistLimit, registrationOpensAt, registrationClosesAt, cancelBy, hours, credits, hoursByDuration, id);
    }
}
