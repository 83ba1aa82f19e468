package org.shouwang.party;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One piece of a mentor's work: a day, a kind, what it was (optionally an activity or a studio by id) and hours. */
public record MentorParticipationDraft(LocalDate on, MentorParticipationKind kind, String what, Long activityId,
                                       Long studioId, BigDecimal hours) {
}
