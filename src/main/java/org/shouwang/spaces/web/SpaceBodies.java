package org.shouwang.spaces.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceDraft;
import org.shouwang.spaces.SpaceKind;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** What the space API reads; a value that cannot be read is a 400 naming its field. */
final class SpaceBodies {

    private SpaceBodies() {
    }

    @Schema(description = "A space as administrators and building managers define it; times are campus wall-clock times (HH:mm)")
    record SpaceBody(@Schema(example = "二楼自习室") String name, SpaceKind kind, Long buildingId, Integer floor,
                     @Schema(example = "201") String room, Integer capacity, String equipment, String description,
                     @Schema(type = "string", example = "08:00") LocalTime opensAt,
                     @Schema(type = "string", example = "22:00") LocalTime closesAt,
                     @Schema(description = "Days it is open", example = "[\"MONDAY\",\"TUESDAY\"]") Set<DayOfWeek> openDays,
                     Boolean studentsMayBook, Boolean organisationsMayBook, Boolean staffMayBook,
                     @Schema(description = "Longest booking in minutes (15–1440)") Integer longestMinutes,
                     @Schema(description = "How many days ahead it may be booked") Integer daysAhead, Boolean needsApproval,
                     @Schema(description = "A staff account that approves bookings besides the building manager") String managerUsername,
                     @Schema(description = "PUT only: the version last read; 409 when the space changed since") Integer version) {

        SpaceDraft draft() {
            return new SpaceDraft(name, kind, buildingId, floor, room, capacity, equipment, description, opensAt, closesAt,
                    openDays == null ? Set.of() : openDays, yes(studentsMayBook), yes(organisationsMayBook), yes(staffMayBook),
                    longestMinutes, daysAhead, yes(needsApproval), managerUsername);
        }
    }

    @Schema(description = "A stretch the space is shut (maintenance, vacations)")
    record ClosureBody(Instant startsAt, Instant endsAt, @Schema(example = "寒假闭馆") String reason) {
    }

    @Schema(description = "A booking request; organisation names the student organisation booked for (optional)")
    record BookingBody(@Schema(example = "2026-12-02T06:00:00Z") Instant startsAt, @Schema(example = "2026-12-02T08:00:00Z") Instant endsAt,
                       @Schema(example = "小组讨论") String purpose, @Schema(example = "3") Integer attendees, String organisation) {

        SpaceBookings.Request request(long spaceId) {
            return new SpaceBookings.Request(spaceId, startsAt, endsAt, purpose, attendees, organisation);
        }
    }

    record ReasonBody(@Schema(example = "该时段有检查") String reason) {
    }

    record DoorBody(@Schema(description = "The key printed in the door's QR code") String key) {
    }

    record Created(long id) {
    }

    private static boolean yes(Boolean b) {
        return b != null && b;
    }

    private static String text(MessageSource messages, String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
