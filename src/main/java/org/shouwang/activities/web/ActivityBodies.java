package org.shouwang.activities.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import org.shouwang.activities.ActivityDraft;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.Audience;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.OrganiserKind;

/**
 * What API clients send about activities. A value of the wrong kind (a word where a number goes,
 * a type that does not exist) is answered 400 with that field named, as are the plan's own
 * problems. Organiser's and approver's moves may carry the {@code version} last read (or send it
 * as If-Match): when the activity changed since, the move is refused with 409.
 */
final class ActivityBodies {

    private ActivityBodies() {
    }

    @Schema(description = "An activity as its organiser plans it. Times are instants (ISO 8601 with an offset, e.g. "
            + "2026-12-03T14:00:00+08:00). waitlistLimit empty means as many as the capacity; cancelBy empty means when "
            + "registration closes; hours and credits in tenths, empty means 0. audienceCollegeId, audienceGrade and "
            + "audienceBuildingId count only for the audience COLLEGE, GRADE and BUILDING.")
    record ActivityBody(String title, String description, ActivityType type, String series, String brand,
                        Set<FiveEducation> educations, OrganiserKind organiserKind,
                        @Schema(description = "The organiser's name, e.g. 学生工作部") String organiser,
                        @Schema(description = "The account of the university leader who leads it (front line)") Long leaderAccountId,
                        @Schema(description = "The building it takes place in, if any") Long buildingId,
                        @Schema(description = "The room or space, e.g. 学生社区报告厅") String venue,
                        Instant startsAt, Instant endsAt, Audience audience, Long audienceCollegeId, Integer audienceGrade,
                        Long audienceBuildingId, Integer capacity, Integer waitlistLimit, Instant registrationOpensAt,
                        Instant registrationClosesAt, Instant cancelBy, BigDecimal hours, BigDecimal credits,
                        @Schema(description = "Hours from each student's check-in to check-out instead of fixed hours")
                        Boolean hoursByDuration,
                        @Schema(description = "The community space it reserves (GET /api/v1/spaces), if any: it takes the "
                                + "space's building, and its name when venue is empty; refused with 409 when the time is taken")
                        Long spaceId,
                        @Schema(description = "On revision: the version last read; 409 when it changed since") Integer version) {

        ActivityDraft draft() {
            Set<FiveEducation> chosen = educations == null ? null
                    : educations.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
            return new ActivityDraft(title, description, type, series, brand, chosen, organiserKind, organiser,
                    leaderAccountId, buildingId, venue, startsAt, endsAt, audience, audienceCollegeId, audienceGrade,
                    audienceBuildingId, capacity, waitlistLimit, registrationOpensAt, registrationClosesAt, cancelBy, hours,
                    credits, Boolean.TRUE.equals(hoursByDuration), spaceId);
        }
    }

    /** A move with nothing to say but the version the client last read. */
    record VersionBody(Integer version) {
    }

    /** Rejecting or cancelling: the reason is required and shown to the organiser (or to those registered). */
    record ReasonBody(String reason, Integer version) {
    }

    /** A student's reason for asking leave. */
    record LeaveBody(String reason) {
    }

    record LeaveDecisionBody(@Schema(description = "true grants the leave, false refuses it", requiredMode = Schema.RequiredMode.REQUIRED)
                             Boolean grant) {
    }

    record AttendanceBody(@Schema(description = "Student numbers, one a line or separated by spaces or commas (at most 500)")
                          String studentNumbers) {
    }
}
