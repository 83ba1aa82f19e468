package org.shouwang.tickets;

import java.time.Instant;

/**
 * A request has ended, published in the transaction that ended it: closed ({@code CLOSED}: after a
 * content follow-up, unrated when the follow-up went unanswered, or solved on the spot), withdrawn by
 * its student ({@code WITHDRAWN}), or merged into another request ({@code MERGED}, with
 * {@code mergedIntoId}), whose loop goes on and ends with its own event. A request reopened after
 * follow-up has not ended: it ends when it closes after all.
 *
 * @param state what it ended as: {@link TicketState#ended()}
 */
public record TicketClosed(long ticketId, TicketState state, Long mergedIntoId, Instant at) {
}
