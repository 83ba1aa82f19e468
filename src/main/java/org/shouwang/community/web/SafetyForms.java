package org.shouwang.community.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.shouwang.community.IncidentCategory;
import org.shouwang.community.IncidentDraft;
import org.shouwang.community.IncidentFilter;
import org.shouwang.community.IncidentRole;
import org.shouwang.community.IncidentStatus;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;

/**
 * What the safety log forms and JSON bodies send, kept as typed so that a form can be shown again
 * with its errors. A value a select offers that is not on the list, a time that is not one or a
 * building id that is not a number is a field error, never a 500.
 */
final class SafetyForms {

    /** Rows of students the new-incident form offers. */
    static final int STUDENT_ROWS = 4;

    private SafetyForms() {
    }

    /**
     * A new incident as the page form sends it: student rows as parallel lists (number, role), the
     * named staff as usernames separated by spaces or commas.
     */
    record IncidentForm(String category, String occurredAt, String buildingId, String place, String description,
                        List<String> studentNumber, List<String> studentRole, String named) {

        static IncidentForm empty(LocalDateTime now) {
            return new IncidentForm("", now.withSecond(0).withNano(0).toString(), "", "", "", blankRows(), blankRows(), "");
        }

        private static List<String> blankRows() {
            return new ArrayList<>(java.util.Collections.nCopies(STUDENT_ROWS, ""));
        }

        /** The student rows to show again: at least {@link #STUDENT_ROWS}, the typed ones first. */
        List<String[]> rows() {
            List<String[]> rows = new ArrayList<>();
            int n = Math.max(STUDENT_ROWS, Math.max(size(studentNumber), size(studentRole)));
            for (int i = 0; i < n; i++) {
                rows.add(new String[] {at(studentNumber, i), at(studentRole, i)});
            }
            return rows;
        }

        IncidentDraft draft() {
            List<String[]> students = new ArrayList<>();
            int n = Math.max(size(studentNumber), size(studentRole));
            for (int i = 0; i < n; i++) {
                students.add(new String[] {at(studentNumber, i), at(studentRole, i)});
            }
            List<String> usernames = named == null ? List.of()
                    : Arrays.stream(named.split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).toList();
            return SafetyForms.draft(category, occurredAt, buildingId, place, description, students, usernames);
        }
    }

    record ActionForm(String takenAt, String text) {

        static ActionForm empty() {
            return new ActionForm("", "");
        }

        IncidentDraft.Action action() {
            List<InvalidInput.Problem> problems = new ArrayList<>();
            LocalDateTime at = dateTime(takenAt, "takenAt", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new IncidentDraft.Action(at, text);
        }
    }

    record CloseForm(String note) {
    }

    /** Parses what a form or body typed; students as pairs {number, role}; blank pairs are left out. */
    static IncidentDraft draft(String category, String occurredAt, String buildingId, String place, String description,
                               List<String[]> students, List<String> named) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        IncidentCategory chosen = enumValue(IncidentCategory.class, category, "category", problems);
        LocalDateTime at = dateTime(occurredAt, "occurredAt", problems);
        Long building = null;
        if (buildingId != null && !buildingId.isBlank()) {
            try {
                building = Long.parseLong(buildingId.strip());
            } catch (NumberFormatException e) {
                problems.add(new InvalidInput.Problem("buildingId", "safety.unknownBuilding"));
            }
        }
        List<IncidentDraft.Involved> involved = new ArrayList<>();
        for (String[] s : students == null ? List.<String[]>of() : students) {
            String number = s[0] == null ? "" : s[0].strip();
            String role = s[1] == null ? "" : s[1].strip();
            if (number.isEmpty() && role.isEmpty()) {
                continue;
            }
            IncidentRole r = enumValue(IncidentRole.class, role, "students", problems);
            involved.add(new IncidentDraft.Involved(number, r));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new IncidentDraft(chosen, at, building, place, description, involved, named);
    }

    /** The list's filter from query parameters: a value that is not one is left out, never an error. */
    static IncidentFilter filter(String category, String status, String buildingId, String from, String to) {
        Long building = null;
        try {
            building = buildingId == null || buildingId.isBlank() ? null : Long.parseLong(buildingId.strip());
        } catch (NumberFormatException e) {
            building = null;
        }
        return new IncidentFilter(enumValue(IncidentCategory.class, category, "category", new ArrayList<>()),
                enumValue(IncidentStatus.class, status, "status", new ArrayList<>()), building, date(from), date(to));
    }

    static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A campus time as a form or body gives it: {@code 2026-11-20T14:30}, with seconds, with a space
     * for the T, or with an offset ({@code …+08:00}, {@code …Z}), which is turned into campus time.
     * Blank is null (the service says whether it is required).
     */
    static LocalDateTime dateTime(String value, String field, List<InvalidInput.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replace(' ', 'T');
        try {
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v).atZoneSameInstant(CampusTime.ZONE).toLocalDateTime();
            } catch (DateTimeParseException e2) {
                problems.add(new InvalidInput.Problem(field, "safety.badDateTime"));
                return null;
            }
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, List<InvalidInput.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInput.Problem(field, "safety.unknownValue"));
            return null;
        }
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() && list.get(i) != null ? list.get(i) : "";
    }
}
