package org.shouwang.activities.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.shouwang.activities.ActivityDraft;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.ActivityViews;
import org.shouwang.activities.Audience;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.shared.InvalidInput;

/**
 * The organiser's form, kept as typed so that it can be shown again with each problem beside its
 * field. Every value arrives as text: one that is not a number, a time or one of the values
 * offered is a field error, never a 500. Times are {@code datetime-local} values in the campus
 * zone. The audience's college, grade or building count only for the audience that uses them;
 * the others are dropped, not refused.
 */
public record ActivityForm(String title, String description, String type, String series, String brand,
                           List<String> educations, String organiserKind, String organiser, String leaderAccountId,
                           String buildingId, String venue, String startsAt, String endsAt, String audience,
                           String audienceCollegeId, String audienceGrade, String audienceBuildingId, String capacity,
                           String waitlistLimit, String registrationOpensAt, String registrationClosesAt, String cancelBy,
                           String hours, String credits, Boolean hoursByDuration, String spaceId, String version) {

    public ActivityForm {
        educations = educations == null ? List.of() : List.copyOf(educations);
    }

    static ActivityForm empty() {
        return new ActivityForm("", "", "", "", "", List.of(), "", "", "", "", "", "", "", Audience.EVERYONE.name(), "", "", "",
                "", "", "", "", "", "0", "0", false, "", "");
    }

    /** The same form with the organiser filled in. */
    ActivityForm organisedBy(String kind, String name) {
        return new ActivityForm(title, description, type, series, brand, educations, kind, name, leaderAccountId, buildingId,
                venue, startsAt, endsAt, audience, audienceCollegeId, audienceGrade, audienceBuildingId, capacity, waitlistLimit,
                registrationOpensAt, registrationClosesAt, cancelBy, hours, credits, hoursByDuration, spaceId, version);
    }

    /** The form filled with an activity's plan, for editing it. */
    static ActivityForm of(ActivityViews.Detail d, ActivityTimes times) {
        ActivityDraft p = d.plan();
        return new ActivityForm(p.title(), p.description(), p.type().name(), text(p.series()), text(p.brand()),
                p.educations().stream().map(Enum::name).sorted().toList(), p.organiserKind().name(), p.organiser(),
                text(p.leaderAccountId()), text(p.buildingId()), p.venue(), times.input(p.startsAt()), times.input(p.endsAt()),
                p.audience().name(), text(p.audienceCollegeId()), text(p.audienceGrade()), text(p.audienceBuildingId()),
                text(p.capacity()), text(p.waitlistLimit()), times.input(p.registrationOpensAt()),
                times.input(p.registrationClosesAt()), times.input(p.cancelBy()), p.hours().toPlainString(),
                p.credits().toPlainString(), p.hoursByDuration(), text(p.spaceId()), String.valueOf(d.version()));
    }

    public boolean has(String education) {
        return educations.contains(education);
    }

    public boolean isHoursByDuration() {
        return Boolean.TRUE.equals(hoursByDuration);
    }

    /** The version the form was opened on; null (no check) when it is missing or garbled. */
    Integer expectedVersion() {
        try {
            return version == null || version.isBlank() ? null : Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The plan, or every problem of the values that could not be read. When there are such
     * problems the service is not asked; what it would say of the obvious rest (required fields
     * left empty) is said at once.
     */
    ActivityDraft draft(ActivityTimes times) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        ActivityType t = choice(ActivityType.class, "type", type, problems);
        OrganiserKind kind = choice(OrganiserKind.class, "organiserKind", organiserKind, problems);
        Audience who = choice(Audience.class, "audience", audience, problems);
        Set<FiveEducation> chosen = EnumSet.noneOf(FiveEducation.class);
        for (String e : educations) {
            FiveEducation education = choice(FiveEducation.class, "educations", e, problems);
            if (education != null) {
                chosen.add(education);
            }
        }
        ActivityDraft draft = new ActivityDraft(title, description, t, series, brand, chosen, kind, organiser,
                id("leaderAccountId", leaderAccountId, problems), id("buildingId", buildingId, problems), venue,
                time("startsAt", startsAt, times, problems), time("endsAt", endsAt, times, problems), who,
                who == Audience.COLLEGE ? id("audienceCollegeId", audienceCollegeId, problems) : null,
                who == Audience.GRADE ? number("audienceGrade", audienceGrade, problems) : null,
                who == Audience.BUILDING ? id("audienceBuildingId", audienceBuildingId, problems) : null,
                number("capacity", capacity, problems), number("waitlistLimit", waitlistLimit, problems),
                time("registrationOpensAt", registrationOpensAt, times, problems),
                time("registrationClosesAt", registrationClosesAt, times, problems), time("cancelBy", cancelBy, times, problems),
                decimal("hours", hours, problems), decimal("credits", credits, problems), isHoursByDuration(),
                id("spaceId", spaceId, problems));
        if (!problems.isEmpty()) {
            required("title", title, problems);
            required("description", description, problems);
            required("organiser", organiser, problems);
            if (spaceId == null || spaceId.isBlank()) {
                required("venue", venue, problems);
            }
            required("type", type, problems);
            required("organiserKind", organiserKind, problems);
            required("startsAt", startsAt, problems);
            required("endsAt", endsAt, problems);
            required("capacity", capacity, problems);
            required("registrationOpensAt", registrationOpensAt, problems);
            required("registrationClosesAt", registrationClosesAt, problems);
            if (educations.isEmpty()) {
                problems.add(new InvalidInput.Problem("educations", "activity.educationsRequired"));
            }
            throw new InvalidInput(problems);
        }
        return draft;
    }

    private static void required(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value) && problems.stream().noneMatch(p -> p.field().equals(field))) {
            problems.add(new InvalidInput.Problem(field, "activity.required"));
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInput.Problem(field, "activity.web.unknownValue"));
            return null;
        }
    }

    private static Long id(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInput.Problem(field, "activity.web.unknownValue"));
            return null;
        }
    }

    private static Integer number(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInput.Problem(field, "activity.web.wholeNumber"));
            return null;
        }
    }

    private static BigDecimal decimal(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInput.Problem(field, "activity.web.number"));
            return null;
        }
    }

    private static Instant time(String field, String value, ActivityTimes times, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        Instant t = times.parse(value);
        if (t == null) {
            problems.add(new InvalidInput.Problem(field, "activity.web.time"));
        }
        return t;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
