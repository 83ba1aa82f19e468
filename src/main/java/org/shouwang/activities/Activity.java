package org.shouwang.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;

/**
 * An activity as its organiser plans it and an approver publishes it. Seats held ({@code taken},
 * {@code waiting}) are not part of it: registrations change them in the database in one
 * conditional update each, so they never go past the capacity.
 */
class Activity {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 4000;
    static final int NAME_MAX = 100;
    static final int REASON_MAX = 500;
    static final int CAPACITY_MAX = 100_000;
    static final BigDecimal HOURS_MAX = new BigDecimal("100");
    static final BigDecimal CREDITS_MAX = new BigDecimal("10");

    Long id;
    int version;
    ActivityDraft plan;
    long createdBy;
    ActivityState state;
    Instant createdAt;
    Instant submittedAt;
    Long decidedBy;
    Instant decidedAt;
    String rejectionReason;
    String cancellationReason;
    String checkInKey;
    String summary;

    static Activity drafted(ActivityDraft plan, long createdBy, String checkInKey, Instant now) {
        Activity a = new Activity();
        a.plan = plan;
        a.createdBy = createdBy;
        a.state = ActivityState.DRAFT;
        a.createdAt = now;
        a.checkInKey = checkInKey;
        return a;
    }

    /**
     * The problems of a plan that need no other module to find: each names its field. Returns the
     * plan as it is stored (trimmed text, the waitlist defaulting to the capacity).
     */
    static ActivityDraft checked(ActivityDraft d, List<InvalidInput.Problem> problems) {
        String title = text(d.title(), "title", TITLE_MAX, true, problems);
        String description = text(d.description(), "description", TEXT_MAX, true, problems);
        String series = text(d.series(), "series", NAME_MAX, false, problems);
        String brand = text(d.brand(), "brand", NAME_MAX, false, problems);
        String organiser = text(d.organiser(), "organiser", NAME_MAX, true, problems);
        String venue = text(d.venue(), "venue", TITLE_MAX, true, problems);
        required(d.type(), "type", problems);
        required(d.organiserKind(), "organiserKind", problems);
        required(d.audience(), "audience", problems);
        if (d.educations().isEmpty()) {
            problems.add(new InvalidInput.Problem("educations", "activity.educationsRequired"));
        }
        if (required(d.startsAt(), "startsAt", problems) && required(d.endsAt(), "endsAt", problems)
                && !d.endsAt().isAfter(d.startsAt())) {
            problems.add(new InvalidInput.Problem("endsAt", "activity.endBeforeStart"));
        }
        if (required(d.capacity(), "capacity", problems) && (d.capacity() < 1 || d.capacity() > CAPACITY_MAX)) {
            problems.add(new InvalidInput.Problem("capacity", "activity.capacityRange", CAPACITY_MAX));
        }
        Integer waitlist = d.waitlistLimit() != null ? d.waitlistLimit() : d.capacity();
        if (waitlist != null && (waitlist < 0 || waitlist > CAPACITY_MAX)) {
            problems.add(new InvalidInput.Problem("waitlistLimit", "activity.waitlistRange", CAPACITY_MAX));
        }
        boolean opens = required(d.registrationOpensAt(), "registrationOpensAt", problems);
        boolean closes = required(d.registrationClosesAt(), "registrationClosesAt", problems);
        if (opens && closes && !d.registrationClosesAt().isAfter(d.registrationOpensAt())) {
            problems.add(new InvalidInput.Problem("registrationClosesAt", "activity.registrationOrder"));
        }
        if (closes && d.startsAt() != null && d.registrationClosesAt().isAfter(d.startsAt())) {
            problems.add(new InvalidInput.Problem("registrationClosesAt", "activity.registrationAfterStart"));
        }
        Instant cancelBy = d.cancelBy() != null ? d.cancelBy() : d.registrationClosesAt();
        if (cancelBy != null && d.startsAt() != null && cancelBy.isAfter(d.startsAt())) {
            problems.add(new InvalidInput.Problem("cancelBy", "activity.cancelAfterStart"));
        }
        BigDecimal hours = d.hours() == null ? BigDecimal.ZERO : d.hours();
        if (outOfRange(hours, HOURS_MAX)) {
            problems.add(new InvalidInput.Problem("hours", "activity.hoursRange", HOURS_MAX));
        }
        BigDecimal credits = d.credits() == null ? BigDecimal.ZERO : d.credits();
        if (outOfRange(credits, CREDITS_MAX)) {
            problems.add(new InvalidInput.Problem("credits", "activity.creditsRange", CREDITS_MAX));
        }
        if (d.audience() == Audience.COLLEGE && d.audienceCollegeId() == null) {
            problems.add(new InvalidInput.Problem("audienceCollegeId", "activity.audienceTarget"));
        }
        if (d.audience() == Audience.GRADE && (d.audienceGrade() == null || d.audienceGrade() < 2000 || d.audienceGrade() > 2100)) {
            problems.add(new InvalidInput.Problem("audienceGrade", "activity.audienceTarget"));
        }
        if (d.audience() == Audience.BUILDING && d.audienceBuildingId() == null) {
            problems.add(new InvalidInput.Problem("audienceBuildingId", "activity.audienceTarget"));
        }
        Audience audience = d.audience();
        return new ActivityDraft(title, description, d.type(), series, brand, d.educations(), d.organiserKind(), organiser,
                d.leaderAccountId(), d.buildingId(), venue, d.startsAt(), d.endsAt(), audience,
                audience == Audience.COLLEGE ? d.audienceCollegeId() : null,
                audience == Audience.GRADE ? d.audienceGrade() : null,
                audience == Audience.BUILDING ? d.audienceBuildingId() : null,
                d.capacity(), waitlist, d.registrationOpensAt(), d.registrationClosesAt(), cancelBy,
                hours.setScale(1, java.math.RoundingMode.HALF_UP), credits.setScale(1, java.math.RoundingMode.HALF_UP),
                d.hoursByDuration(), d.spaceId());
    }

    private static String text(String value, String field, int max, boolean required, List<InvalidInput.Problem> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                problems.add(new InvalidInput.Problem(field, "activity.required"));
            }
            return null;
        }
        if (v.length() > max) {
            problems.add(new InvalidInput.Problem(field, "activity.tooLong", max));
        }
        return v;
    }

    /** Below zero, above the maximum, or finer than a tenth. */
    private static boolean outOfRange(BigDecimal value, BigDecimal max) {
        return value.signum() < 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > 1;
    }

    private static boolean required(Object value, String field, List<InvalidInput.Problem> problems) {
        if (value == null) {
            problems.add(new InvalidInput.Problem(field, "activity.required"));
            return false;
        }
        return true;
    }

    // — moves —

    void revise(ActivityDraft plan) {
        require(EnumSet.of(ActivityState.DRAFT, ActivityState.REJECTED));
        this.plan = plan;
    }

    void submit(Instant now) {
        require(EnumSet.of(ActivityState.DRAFT, ActivityState.REJECTED));
        if (!plan.endsAt().isAfter(now)) {
            throw new RuleViolation("activity.alreadyOver");
        }
        state = ActivityState.SUBMITTED;
        submittedAt = now;
        rejectionReason = null;
    }

    void approve(long approver, Instant now) {
        require(EnumSet.of(ActivityState.SUBMITTED));
        state = ActivityState.PUBLISHED;
        decidedBy = approver;
        decidedAt = now;
    }

    void reject(long approver, String reason, Instant now) {
        require(EnumSet.of(ActivityState.SUBMITTED));
        state = ActivityState.REJECTED;
        decidedBy = approver;
        decidedAt = now;
        rejectionReason = reason;
    }

    void cancel(String reason, Instant now) {
        require(EnumSet.of(ActivityState.DRAFT, ActivityState.SUBMITTED, ActivityState.PUBLISHED, ActivityState.REJECTED));
        if (!plan.endsAt().isAfter(now)) {
            throw new RuleViolation("activity.alreadyOver");
        }
        state = ActivityState.CANCELLED;
        cancellationReason = reason;
    }

    private void require(Set<ActivityState> allowed) {
        if (!allowed.contains(state)) {
            throw new RuleViolation("activity.illegalMove", state.name());
        }
    }

    // — who may do what —

    /** Organises it: its creator, the leader it is for, student affairs and admins. */
    boolean managedBy(Viewer v) {
        return v.accountId() == createdBy || plan.leaderAccountId() != null && plan.leaderAccountId() == v.accountId()
                || approvableBy(v);
    }

    static boolean approvableBy(Viewer v) {
        return v.isAdmin() || v.has(Role.STUDENT_AFFAIRS);
    }

    /** Published (and cancelled after publication) activities are public; the rest only for who works on them. */
    boolean visibleTo(Viewer v) {
        return state == ActivityState.PUBLISHED || state == ActivityState.CANCELLED && decidedAt != null || managedBy(v);
    }

    boolean open() {
        return state == ActivityState.PUBLISHED;
    }
}
