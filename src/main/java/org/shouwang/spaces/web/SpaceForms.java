package org.shouwang.spaces.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceDraft;
import org.shouwang.spaces.SpaceKind;
import org.shouwang.spaces.SpaceViews;

/**
 * What the space forms send, kept as typed so that a form can be shown again with its errors. Dates,
 * times, numbers and values a select offers arrive as text: one that cannot be read is a field error,
 * never a 500. Times are campus wall-clock times.
 */
public final class SpaceForms {

    static final String NOT_A_NUMBER = "spaces.form.notANumber";
    static final String NOT_A_DATE = "spaces.form.notADate";
    static final String NOT_A_TIME = "spaces.form.notATime";
    static final String UNKNOWN_VALUE = "spaces.form.unknownValue";

    private SpaceForms() {
    }

    /** A booking: one day, a start and an end time on it (an end of 00:00 is midnight after it). */
    public record BookingForm(String day, String start, String end, String attendees, String purpose, String organisation) {

        static BookingForm empty(LocalDate day, LocalTime start, int longestMinutes) {
            String s = start == null ? "" : start.toString();
            String e = start == null ? "" : start.plusMinutes(Math.min(60, longestMinutes)).toString();
            return new BookingForm(day.toString(), s, e, "1", "", "");
        }

        SpaceBookings.Request request(long spaceId) {
            List<InvalidInput.Problem> problems = new ArrayList<>();
            LocalDate d = date(day, "startsAt", problems);
            LocalTime s = time(start, "startsAt", problems);
            LocalTime e = time(end, "endsAt", problems);
            Integer n = integer(attendees, "attendees", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            Instant from = d == null || s == null ? null : d.atTime(s).atZone(CampusTime.ZONE).toInstant();
            Instant to = d == null || e == null ? null
                    : (e.equals(LocalTime.MIDNIGHT) ? d.plusDays(1).atStartOfDay() : d.atTime(e)).atZone(CampusTime.ZONE).toInstant();
            return new SpaceBookings.Request(spaceId, from, to, purpose, n, organisation);
        }
    }

    /** A closure: from and to as date-and-time fields, and why. */
    public record ClosureForm(String startsAt, String endsAt, String reason) {

        static ClosureForm empty() {
            return new ClosureForm("", "", "");
        }

        record Parsed(Instant startsAt, Instant endsAt, String reason) {
        }

        Parsed parsed() {
            List<InvalidInput.Problem> problems = new ArrayList<>();
            Instant from = dateTime(startsAt, "startsAt", problems);
            Instant to = dateTime(endsAt, "endsAt", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new Parsed(from, to, reason);
        }
    }

    /** Every field of a space, open days as the checked boxes (1 = Monday … 7 = Sunday). */
    public record SpaceForm(String name, String kind, String buildingId, String floor, String room, String capacity, String equipment,
                     String description, String opensAt, String closesAt, List<String> openDays, boolean studentsMayBook,
                     boolean organisationsMayBook, boolean staffMayBook, String longestMinutes, String daysAhead,
                     boolean needsApproval, String managerUsername, String version) {

        static SpaceForm empty(Long buildingId) {
            return new SpaceForm("", SpaceKind.STUDY_ROOM.name(), buildingId == null ? "" : buildingId.toString(), "1", "", "6", "",
                    "", "08:00", "22:00", List.of("1", "2", "3", "4", "5", "6", "7"), true, false, false, "120", "7", false, "",
                    "");
        }

        static SpaceForm of(SpaceViews.Space s, String managerUsername) {
            return new SpaceForm(s.name(), s.kind().name(), String.valueOf(s.buildingId()), String.valueOf(s.floor()),
                    s.room() == null ? "" : s.room(), String.valueOf(s.capacity()), s.equipment(), s.description(),
                    s.opensAt().toString(), s.closesAt().toString(),
                    s.openDays().stream().sorted().map(d -> String.valueOf(d.getValue())).toList(), s.studentsMayBook(),
                    s.organisationsMayBook(), s.staffMayBook(), String.valueOf(s.longestMinutes()), String.valueOf(s.daysAhead()),
                    s.needsApproval(), managerUsername == null ? "" : managerUsername, String.valueOf(s.version()));
        }

        public boolean opens(int day) {
            return openDays != null && openDays.contains(String.valueOf(day));
        }

        SpaceDraft draft() {
            List<InvalidInput.Problem> problems = new ArrayList<>();
            SpaceKind k = null;
            if (kind != null && !kind.isBlank()) {
                try {
                    k = SpaceKind.valueOf(kind.strip());
                } catch (IllegalArgumentException e) {
                    problems.add(new InvalidInput.Problem("kind", UNKNOWN_VALUE));
                }
            }
            Long building = number(buildingId, "buildingId", problems);
            Integer f = integer(floor, "floor", problems);
            Integer cap = integer(capacity, "capacity", problems);
            LocalTime opens = time(opensAt, "opensAt", problems);
            LocalTime closes = time(closesAt, "closesAt", problems);
            Integer longest = integer(longestMinutes, "longestMinutes", problems);
            Integer ahead = integer(daysAhead, "daysAhead", problems);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : openDays == null ? List.<String>of() : openDays) {
                try {
                    days.add(DayOfWeek.of(Integer.parseInt(d.strip())));
                } catch (RuntimeException e) {
                    problems.add(new InvalidInput.Problem("openDays", UNKNOWN_VALUE));
                    break;
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new SpaceDraft(name, k, building, f, room, cap, equipment, description, opens, closes, days, studentsMayBook,
                    organisationsMayBook, staffMayBook, longest, ahead, needsApproval, managerUsername);
        }

        Integer expectedVersion() {
            List<InvalidInput.Problem> problems = new ArrayList<>();
            Integer v = integer(version, "version", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return v;
        }
    }

    static Long number(String value, String field, List<InvalidInput.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInput.Problem(field, NOT_A_NUMBER));
            return null;
        }
    }

    /** Beyond an int is out of any range the services allow: they say so. */
    static Integer integer(String value, String field, List<InvalidInput.Problem> problems) {
        Long n = number(value, field, problems);
        return n == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    static LocalDate date(String value, String field, List<InvalidInput.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput.Problem(field, NOT_A_DATE));
            return null;
        }
    }

    static LocalTime time(String value, String field, List<InvalidInput.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput.Problem(field, NOT_A_TIME));
            return null;
        }
    }

    static Instant dateTime(String value, String field, List<InvalidInput.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(CampusTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput.Problem(field, NOT_A_DATE));
            return null;
        }
    }
}
