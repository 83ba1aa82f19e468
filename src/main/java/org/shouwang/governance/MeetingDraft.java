package org.shouwang.governance;

import java.time.LocalDateTime;
import java.util.List;

/** A meeting as its recorder types it: when in campus time, the agenda one item a line, attendees by username. */
public record MeetingDraft(Long bodyId, MeetingKind kind, String title, LocalDateTime heldAt, String place, List<String> agenda,
                           List<String> attendeeUsernames) {
}
