package org.shouwang.studios.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.studios.AppointmentService;
import org.shouwang.studios.SlotDraft;
import org.shouwang.studios.SlotSeries;

/**
 * The slot form of a studio's page, as typed: one slot (a date with a start and an end time) or a
 * series (a date range, weekdays, start times such as 09:00 and 14:00, minutes). Whatever does not
 * parse is a field error, with the service's own checks after it.
 */
public record SlotForm(String mode, String service, String staffAccountId, String place, String date, String startTime, String endTime,
                String from, String to, List<String> weekdays, String startTimes, String minutes) {

    static final Set<String> FIELDS = Set.of("service", "staffAccountId", "place", "date", "startTime", "endTime", "startsAt",
            "endsAt", "from", "to", "weekdays", "startTimes", "minutes");

    static SlotForm empty(String mode) {
        return new SlotForm(mode, "", "", "", "", "", "", "", "", List.of(), "", "");
    }

    public boolean series() {
        return "series".equals(mode);
    }

    public boolean hasWeekday(String day) {
        return weekdays != null && weekdays.contains(day);
    }

    /** The one slot, or the field problems of what does not parse. */
    SlotDraft draftOf(Fields f) {
        AppointmentService s = service(f);
        Long staff = staff(f);
        LocalDate d = date(f, date, "date");
        LocalTime start = time(f, startTime, "startTime");
        LocalTime end = time(f, endTime, "endTime");
        f.check();
        return new SlotDraft(s, staff, place, at(d, start), at(d, end));
    }

    SlotSeries seriesOf(Fields f) {
        AppointmentService s = service(f);
        Long staff = staff(f);
        LocalDate first = date(f, from, "from");
        LocalDate last = date(f, to, "to");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String w : weekdays == null ? List.<String>of() : weekdays) {
            try {
                days.add(DayOfWeek.valueOf(w));
            } catch (IllegalArgumentException e) {
                f.add("weekdays", "appointment.web.unknownValue");
            }
        }
        List<LocalTime> times = new ArrayList<>();
        if (startTimes != null) {
            for (String t : startTimes.split("[,，;；\\s]+")) {
                if (!t.isBlank()) {
                    try {
                        times.add(LocalTime.parse(t.strip().length() == 4 ? "0" + t.strip() : t.strip()));
                    } catch (DateTimeParseException e) {
                        f.add("startTimes", "appointment.web.badTimes", t.strip());
                        break;
                    }
                }
            }
        }
        Integer m = null;
        if (minutes != null && !minutes.isBlank()) {
            try {
                m = Integer.valueOf(minutes.strip());
            } catch (NumberFormatException e) {
                f.add("minutes", "appointment.web.wholeNumber");
            }
        }
        f.check();
        return new SlotSeries(s, staff, place, first, last, days, times, m);
    }

    private static java.time.Instant at(LocalDate d, LocalTime t) {
        return d == null || t == null ? null : LocalDateTime.of(d, t).atZone(CampusTime.ZONE).toInstant();
    }

    private AppointmentService service(Fields f) {
        if (service == null || service.isBlank()) {
            return null;
        }
        try {
            return AppointmentService.valueOf(service.strip());
        } catch (IllegalArgumentException e) {
            f.add("service", "appointment.web.unknownValue");
            return null;
        }
    }

    private Long staff(Fields f) {
        if (staffAccountId == null || staffAccountId.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(staffAccountId.strip());
        } catch (NumberFormatException e) {
            f.add("staffAccountId", "appointment.web.unknownValue");
            return null;
        }
    }

    private static LocalDate date(Fields f, String value, String field) {
        if (value == null || value.isBlank()) {
            f.add(field, "field.required");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            f.add(field, "appointment.web.badDate");
            return null;
        }
    }

    private static LocalTime time(Fields f, String value, String field) {
        if (value == null || value.isBlank()) {
            f.add(field, "field.required");
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            f.add(field, "appointment.web.badTime");
            return null;
        }
    }
}
