package org.shouwang.tickets.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.shouwang.people.Structure;
import org.shouwang.tickets.TicketState;
import org.shouwang.tickets.TicketViews;

/**
 * The history of a request as its page shows it: each step with its label, whether it is internal,
 * and what the step's detail (staff only) says in words a person reads: the department it went to,
 * the clause cited, the supervision level, the request merged or linked.
 */
public record RequestTimeline(List<Entry> entries) {

    private static final Pattern TO_ID = Pattern.compile("→\\s*(\\d+)\\s*$");
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)\\s*$");

    /**
     * One step. {@code department}, {@code level}, {@code note} and {@code noteCode} are what the
     * detail says (each null when not known); {@code internal} steps are never shown to the student.
     */
    public record Entry(long id, Instant at, String actor, String kind, boolean internal, TicketState to, String text,
                 String department, Integer level, String note, String noteCode, List<Long> photoIds) {
    }

    static RequestTimeline of(List<TicketViews.Event> events, List<Structure.Department> departments) {
        Map<Long, String> names = departments.stream()
                .collect(Collectors.toMap(Structure.Department::id, Structure.Department::name, (a, b) -> a));
        return new RequestTimeline(events.stream().map(e -> entry(e, names::get)).toList());
    }

    private static Entry entry(TicketViews.Event e, Function<Long, String> departmentName) {
        String detail = e.detail();
        String department = null;
        Integer level = null;
        String note = null;
        String noteCode = null;
        if (detail != null && !detail.isBlank()) {
            switch (e.kind()) {
                case "DISPATCHED", "TRANSFERRED", "DECIDED" -> {
                    Matcher m = TO_ID.matcher(detail);
                    if (m.find()) {
                        department = departmentName.apply(Long.parseLong(m.group(1)));
                    }
                }
                case "RETURNED" -> note = detail.contains(" · ") ? detail.substring(0, detail.indexOf(" · ")) : detail;
                case "SUPERVISED" -> {
                    Matcher m = LAST_NUMBER.matcher(detail);
                    if (m.find()) {
                        level = Integer.parseInt(m.group(1));
                    }
                }
                case "EXTENSION_REQUESTED", "EXTENSION_REJECTED", "MERGED", "MERGED_IN", "LINKED" -> note = detail;
                case "RESOLVED" -> noteCode = "on the spot".equals(detail) ? "request.onSpot" : null;
                case "CLOSED" -> noteCode = "unrated".equals(detail) ? "request.unrated" : null;
                default -> {
                }
            }
        }
        return new Entry(e.id(), e.at(), e.actor(), e.kind(), !e.shown(), e.to(), e.text(), department, level, note,
                noteCode, e.photoIds());
    }
}
