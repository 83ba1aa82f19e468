package org.shouwang.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;

/** What pages and the API show of requests. */
public final class TicketViews {

    private TicketViews() {
    }

    /** How close the running deadline is: colours in queues. */
    public enum Risk { NONE, OK, NEAR, OVERDUE }

    /** What the viewer may do to a request now. */
    public enum Action {
        ACCEPT, REPLY, NOTE, ASK, REQUEST_EXTENSION, DECIDE_EXTENSION, RESOLVE, RETURN, DISPATCH, TRANSFER, MERGE, LINK,
        DECIDE, FOLLOW_UP, WITHDRAW, STUDENT_REPLY
    }

    /** Which list: the viewer's own, owned, their department's queue, the desk's queue, student affairs' decisions, or all they may see. */
    public enum Queue {
        MINE, OWNED, DEPARTMENT, DESK, DECISIONS, VISIBLE;

        /** The queues the request list offers this viewer, the first being the default. */
        public static List<Queue> listedFor(Viewer viewer) {
            List<Queue> queues = new ArrayList<>();
            if (viewer.studentId() != null) {
                queues.add(MINE);
            }
            if (viewer.isStaff() && viewer.departmentId() != null && (viewer.has(Role.DEPARTMENT_HANDLER)
                    || viewer.has(Role.DEPARTMENT_HEAD) || viewer.has(Role.PSYCHOLOGY_CENTRE))) {
                queues.add(DEPARTMENT);
            }
            if (viewer.isStaff() || viewer.has(Role.BUILDING_LEADER)
                    || viewer.has(Role.FLOOR_LEADER) || queues.isEmpty()) {
                queues.add(VISIBLE);
            }
            if (viewer.isStaff()) {
                queues.add(OWNED);
            }
            return queues;
        }
    }

    public record Filter(Queue queue, TicketState state, Category category, String q, boolean overdue, boolean supervised) {

        public static Filter of(Queue queue) {
            return new Filter(queue, null, null, null, false, false);
        }
    }

    /**
     * A request in a list. {@code summary} is null for a confidential request the viewer may count
     * but not read (never the case in lists, which only hold what the viewer may read).
     */
    public record Row(long id, String number, Category category, Category.Subcategory subcategory, boolean urgent,
                      TicketState state, String summary, String student, String department, String location,
                      Instant submittedAt, Instant deadline, Risk risk, int supervisionLevel, boolean awaitingDecision,
                      boolean confidential) {
    }

    public record Detail(long id, String number, int version, Category category, Category.Subcategory subcategory,
                         boolean urgent, TicketState state, String text, String location, Long buildingId, Integer floor,
                         Channel channel, long studentId, String student, String studentNumber, String owner,
                         Long departmentId, String department, String handler, String clause, Integer listVersion,
                         Instant submittedAt, Instant dispatchBy, Instant respondBy, Instant resolveBy,
                         Instant firstResponseAt, Instant resolvedAt, Instant closedAt, Instant deadline, Risk risk,
                         int supervisionLevel, int returns, int reopens, boolean awaitingDecision, boolean dispatchForced,
                         boolean confidential, boolean crisis, boolean onSpot, Boolean contacted, Boolean solved,
                         Satisfaction satisfaction, String mergedInto, Long mergedIntoId, List<Related> merged,
                         List<Related> linked, PendingExtension pendingExtension, List<Event> history, Set<Action> actions) {

        public boolean may(String action) {
            return actions.contains(Action.valueOf(action));
        }
    }

    public record Related(long id, String number, TicketState state) {
    }

    public record PendingExtension(long id, int hours, String reason) {
    }

    /** One row of the history; {@code photoIds} are the photos attached at that step. */
    public record Event(long id, Instant at, String actor, String kind, boolean shown, TicketState from, TicketState to,
                        String text, String detail, List<Long> photoIds) {
    }

    /**
     * What became of a request, for a module that linked it to something of its own (the issues
     * raised at a leader's front-line activity). {@code feedback} is the last public resolution
     * (the handler's, or the one given on the spot); null until there is one.
     */
    public record Outcome(long id, String number, Category category, Category.Subcategory subcategory, TicketState state,
                          boolean confidential, long studentId, String student, String studentNumber, String text,
                          String feedback, Long ownerAccountId, Long mergedIntoId, Instant submittedAt, Instant closedAt) {
    }

    /** The answer to a submission: the number to quote, and help to show at once when words of crisis were found. */
    public record Submitted(long id, String number, TicketState state, String department, boolean crisis, String hotline) {
    }
}
