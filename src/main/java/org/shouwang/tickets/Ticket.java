package org.shouwang.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.shouwang.shared.RuleViolation;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A request on its way round the closed loop (DESIGN §4). Every method is one move of the state
 * machine: it refuses a move the current state does not allow, changes the request and records
 * the step for the history. Persistence and permissions are the caller's concern.
 */
class Ticket {

    static final long UNSAVED = 0;

    long id = UNSAVED;
    long studentId;
    long classId;
    long collegeId;
    Category category;
    Category.Subcategory subcategory;
    boolean urgent;
    String text;
    String location;
    Long buildingId;
    Integer floorNumber;
    Long roomId;
    Channel channel;
    TicketState state;
    Long ownerAccountId;
    Long departmentId;
    Long handlerAccountId;
    Long responsibilityId;
    Integer listVersion;
    boolean confidential;
    boolean crisis;
    Instant submittedAt;
    Instant dispatchBy;
    Instant dispatchedAt;
    Instant acceptedAt;
    Instant respondBy;
    Instant firstResponseAt;
    Instant resolveBy;
    Instant resolvedAt;
    Instant closedAt;
    Instant pausedAt;
    Integer responseMinutes;
    Integer resolutionMinutes;
    Boolean respondedOnTime;
    Boolean resolvedOnTime;
    int returns;
    int reopens;
    boolean awaitingDecision;
    boolean dispatchForced;
    int supervisionLevel;
    Instant supervisedAt;
    String reminded;
    Long mergedIntoId;
    boolean onSpot;
    Boolean contacted;
    Boolean solved;
    Satisfaction satisfaction;
    Instant followedUpAt;
    int version;

    /** The limits the request runs on since its last dispatch (kept to restart them on reopening). */
    Limits limits;

    private final List<Step> steps = new ArrayList<>();

    List<Step> steps() {
        return steps;
    }

    String number() {
        return TicketNumber.of(id, submittedAt);
    }

    static Ticket submitted(long studentId, long classId, long collegeId, Category category, Category.Subcategory subcategory,
                            boolean urgent, String text, Place place, Channel channel, Long ownerAccountId, Instant now,
                            Instant dispatchBy) {
        Ticket t = new Ticket();
        t.studentId = studentId;
        t.classId = classId;
        t.collegeId = collegeId;
        t.category = category;
        t.subcategory = subcategory;
        t.urgent = urgent;
        t.text = text;
        t.location = place.location();
        t.buildingId = place.buildingId();
        t.floorNumber = place.floor();
        t.roomId = place.roomId();
        t.channel = channel;
        t.state = TicketState.SUBMITTED;
        t.ownerAccountId = ownerAccountId;
        t.confidential = category.confidential();
        t.submittedAt = now;
        t.dispatchBy = dispatchBy;
        t.steps.add(new Step(channel == Channel.ONLINE ? Step.Kind.SUBMITTED : Step.Kind.REGISTERED, null,
                TicketState.SUBMITTED, text, null));
        return t;
    }

    /** Where the request is about: a bed's room, or a public space of a building. */
    record Place(String location, Long buildingId, Integer floor, Long roomId) {
    }

    /** Words of crisis were found: the request becomes a confidential, urgent psychology case. */
    void markCrisis() {
        crisis = true;
        confidential = true;
        urgent = true;
        category = Category.PSYCHOLOGY;
        subcategory = null;
        steps.add(new Step(Step.Kind.CRISIS, state, state, null, null));
    }

    void dispatch(Route route, Instant now, Deadlines time) {
        require(EnumSet.of(TicketState.SUBMITTED, TicketState.RETURNED));
        if (awaitingDecision) {
            throw new RuleViolation("ticket.awaitingDecision", number());
        }
        route(route, now, time, Step.Kind.DISPATCHED, null);
    }

    /** The dispatch desk hands a request on to another department; its owner stays. */
    void transfer(Route route, String reason, Instant now, Deadlines time) {
        require(EnumSet.of(TicketState.DISPATCHED, TicketState.ACCEPTED, TicketState.IN_PROGRESS, TicketState.REOPENED));
        if (route.departmentId() == departmentId) {
            throw new RuleViolation("ticket.sameDepartment", number());
        }
        route(route, now, time, Step.Kind.TRANSFERRED, reason);
    }

    /** Student affairs' decision (审定) on a request returned twice: final, it cannot be returned again. */
    void decide(Route route, String reason, Instant now, Deadlines time) {
        require(EnumSet.of(TicketState.RETURNED));
        if (!awaitingDecision) {
            throw new RuleViolation("ticket.noDecisionNeeded", number());
        }
        awaitingDecision = false;
        dispatchForced = true;
        route(route, now, time, Step.Kind.DECIDED, reason);
    }

    private void route(Route route, Instant now, Deadlines time, Step.Kind kind, String reason) {
        TicketState from = state;
        String before = departmentId == null ? "-" : String.valueOf(departmentId);
        state = TicketState.DISPATCHED;
        departmentId = route.departmentId();
        handlerAccountId = null;
        responsibilityId = route.responsibilityId();
        listVersion = route.listVersion();
        limits = route.limits();
        dispatchedAt = now;
        if (firstResponseAt == null) {
            respondBy = time.after(now, route.limits().respondHours() * 60L, urgent);
        }
        resolveBy = time.after(now, route.limits().resolveHours() * 60L, urgent);
        reminded = null;
        steps.add(new Step(kind, from, state, reason, before + " → " + departmentId));
    }

    /** A department and the clause of the responsibility list it was chosen by (none when the desk chose freely). */
    record Route(long departmentId, Long responsibilityId, Integer listVersion, Limits limits) {
    }

    void accept(long handler, Instant now) {
        require(EnumSet.of(TicketState.DISPATCHED, TicketState.REOPENED));
        TicketState from = state;
        state = TicketState.ACCEPTED;
        handlerAccountId = handler;
        acceptedAt = now;
        steps.add(new Step(Step.Kind.ACCEPTED, from, state, null, null));
    }

    /** A public reply by whoever handles it; the first one is the first response. */
    void reply(String text, Instant now, Deadlines time) {
        require(EnumSet.of(TicketState.ACCEPTED, TicketState.IN_PROGRESS, TicketState.WAITING_ON_STUDENT));
        TicketState from = state;
        responded(now, time);
        if (state == TicketState.ACCEPTED) {
            state = TicketState.IN_PROGRESS;
        }
        steps.add(new Step(Step.Kind.REPLIED, from, state, text, null));
    }

    /** The student writes on their open request; when it waited on them, that resumes it. */
    void studentReply(String text, Instant now, Deadlines time) {
        requireOpen();
        if (state == TicketState.WAITING_ON_STUDENT) {
            resume(text, now, time);
            return;
        }
        steps.add(new Step(Step.Kind.STUDENT_REPLIED, state, state, text, null));
    }

    void note(String text) {
        steps.add(new Step(Step.Kind.NOTE, state, state, text, null));
    }

    /** Asks the student for more: the clock stops until they answer. */
    void askStudent(String text, Instant now, Deadlines time) {
        require(EnumSet.of(TicketState.ACCEPTED, TicketState.IN_PROGRESS));
        TicketState from = state;
        responded(now, time);
        state = TicketState.WAITING_ON_STUDENT;
        pausedAt = now;
        steps.add(new Step(Step.Kind.ASKED, from, state, text, null));
    }

    private void resume(String text, Instant now, Deadlines time) {
        long paused = time.minutesBetween(pausedAt, now, urgent);
        Instant before = resolveBy;
        resolveBy = time.after(resolveBy, paused, urgent);
        pausedAt = null;
        state = TicketState.IN_PROGRESS;
        steps.add(new Step(Step.Kind.SUPPLIED, TicketState.WAITING_ON_STUDENT, state, text,
                "resolveBy " + before + " → " + resolveBy));
    }

    void requestExtension(int hours, String reason) {
        require(EnumSet.of(TicketState.ACCEPTED, TicketState.IN_PROGRESS, TicketState.WAITING_ON_STUDENT));
        steps.add(new Step(Step.Kind.EXTENSION_REQUESTED, state, state, reason, "+" + hours + "h"));
    }

    void extend(int hours, String note, Deadlines time) {
        requireOpen();
        Instant before = resolveBy;
        resolveBy = time.after(resolveBy, hours * 60L, urgent);
        reminded = null;
        steps.add(new Step(Step.Kind.EXTENSION_APPROVED, state, state, note, "resolveBy " + before + " → " + resolveBy));
    }

    void refuseExtension(int hours, String note) {
        steps.add(new Step(Step.Kind.EXTENSION_REJECTED, state, state, note, "+" + hours + "h"));
    }

    void resolve(String feedback, Instant now, Deadlines time) {
        require(EnumSet.of(TicketState.ACCEPTED, TicketState.IN_PROGRESS));
        TicketState from = state;
        responded(now, time);
        state = TicketState.RESOLVED;
        resolvedAt = now;
        resolutionMinutes = (int) time.minutesBetween(submittedAt, now, urgent);
        resolvedOnTime = !now.isAfter(resolveBy);
        steps.add(new Step(Step.Kind.RESOLVED, from, state, feedback, null));
    }

    /** Solved by the staff member who heard it, there and then: closed at once and not surveyed. */
    void solveOnSpot(String feedback, Instant now) {
        require(EnumSet.of(TicketState.SUBMITTED));
        TicketState from = state;
        state = TicketState.CLOSED;
        onSpot = true;
        firstResponseAt = now;
        responseMinutes = 0;
        respondedOnTime = true;
        resolvedAt = now;
        resolutionMinutes = 0;
        resolvedOnTime = true;
        closedAt = now;
        steps.add(new Step(Step.Kind.RESOLVED, from, state, feedback, "on the spot"));
    }

    /** A department returns a wrongly dispatched request, citing the clause it relies on. */
    void returnToDispatch(String clause, String reason) {
        require(EnumSet.of(TicketState.DISPATCHED, TicketState.ACCEPTED));
        if (dispatchForced) {
            throw new RuleViolation("ticket.decidedCannotReturn", number());
        }
        TicketState from = state;
        state = TicketState.RETURNED;
        returns++;
        Long before = departmentId;
        departmentId = null;
        handlerAccountId = null;
        awaitingDecision = returns >= 2;
        steps.add(new Step(Step.Kind.RETURNED, from, state, reason, clause + " · " + before + " → -"));
    }

    /**
     * The follow-up answers. Not solved or not satisfied reopens it to the same department under
     * supervision; otherwise it closes.
     */
    void followUp(boolean contacted, boolean solved, Satisfaction satisfaction, Instant now, Deadlines time) {
        require(EnumSet.of(TicketState.RESOLVED));
        this.contacted = contacted;
        this.solved = solved;
        this.satisfaction = satisfaction;
        followedUpAt = now;
        String answers = "contacted=" + contacted + " solved=" + solved + " satisfaction=" + satisfaction;
        if (!solved || !satisfaction.content()) {
            state = TicketState.REOPENED;
            reopens++;
            supervisionLevel = Math.max(supervisionLevel, 1);
            supervisedAt = now;
            handlerAccountId = null;
            resolvedAt = null;
            resolveBy = time.after(now, limits.resolveHours() * 60L, urgent);
            reminded = null;
            steps.add(new Step(Step.Kind.REOPENED, TicketState.RESOLVED, state, null, answers));
        } else {
            state = TicketState.CLOSED;
            closedAt = now;
            steps.add(new Step(Step.Kind.FOLLOWED_UP, TicketState.RESOLVED, state, null, answers));
        }
    }

    /** No follow-up answer in time: closed unrated. */
    void closeUnrated(Instant now) {
        require(EnumSet.of(TicketState.RESOLVED));
        state = TicketState.CLOSED;
        closedAt = now;
        steps.add(new Step(Step.Kind.CLOSED, TicketState.RESOLVED, state, null, "unrated"));
    }

    void withdraw(String reason, Instant now) {
        requireOpen();
        TicketState from = state;
        state = TicketState.WITHDRAWN;
        closedAt = now;
        steps.add(new Step(Step.Kind.WITHDRAWN, from, state, reason, null));
    }

    /** A duplicate joins another request; its requester follows that one from now on. */
    void mergeInto(Ticket target, Instant now) {
        requireOpen();
        if (target.id == id || !target.state.open() || target.mergedIntoId != null) {
            throw new RuleViolation("ticket.cannotMergeInto", target.number());
        }
        TicketState from = state;
        state = TicketState.MERGED;
        mergedIntoId = target.id;
        closedAt = now;
        steps.add(new Step(Step.Kind.MERGED, from, state, null, "→ " + target.number()));
        target.steps.add(new Step(Step.Kind.MERGED_IN, target.state, target.state, null, "← " + number()));
    }

    void linked(Ticket other) {
        steps.add(new Step(Step.Kind.LINKED, state, state, null, "↔ " + other.number()));
    }

    /** The holder is reminded that a deadline nears ({@code stage} names which one). */
    void remind(String stage) {
        reminded = stage;
        steps.add(new Step(Step.Kind.REMINDED, state, state, null, stage));
    }

    /** Overdue: supervision rises to {@code level}. */
    void supervise(int level, Instant now) {
        if (level <= supervisionLevel) {
            throw new IllegalStateException("supervision only rises");
        }
        int before = supervisionLevel;
        supervisionLevel = level;
        supervisedAt = now;
        steps.add(new Step(Step.Kind.SUPERVISED, state, state, null, before + " → " + level));
    }

    /** Which deadline runs: dispatch, first response or resolution. */
    String stage() {
        if (state == TicketState.SUBMITTED || state == TicketState.RETURNED) {
            return "dispatch";
        }
        return firstResponseAt == null ? "respond" : "resolve";
    }

    /** When the running deadline's time began: dispatch counts from submission, the others from the last dispatch. */
    private Instant stageStart() {
        return dispatchedAt != null && !stage().equals("dispatch") ? dispatchedAt : submittedAt;
    }

    /** Whether the holder is due a reminder of the running deadline: most of its time is used, none of it is over. */
    boolean reminderDue(Instant now, double share) {
        Instant deadline = runningDeadline();
        return deadline != null && !stage().equals(reminded) && !now.isAfter(deadline) && !now.isBefore(remindAt(deadline, share));
    }

    private Instant remindAt(Instant deadline, double share) {
        Instant since = stageStart();
        return since.plusSeconds((long) (Math.max(0, deadline.getEpochSecond() - since.getEpochSecond()) * share));
    }

    /** The supervision level an overdue request has reached: 1 when overdue, one more after each further step. */
    int levelDue(Instant now, Deadlines time, List<Duration> steps) {
        Instant deadline = runningDeadline();
        if (deadline == null || !now.isAfter(deadline)) {
            return 0;
        }
        int level = 1;
        for (Duration step : steps) {
            if (now.isAfter(time.after(deadline, step.toMinutes(), urgent))) {
                level++;
            }
        }
        return Math.min(level, MAX_SUPERVISION);
    }

    static final int MAX_SUPERVISION = 3;

    /**
     * When the supervision scan next needs to look at this request — its reminder, its deadline, its
     * next supervision level, the end of its follow-up — or null when never.
     */
    Instant nextCheck(Instant now, Deadlines time, double share, List<Duration> steps, int followUpDays) {
        if (state == TicketState.RESOLVED) {
            return resolvedAt.plus(Duration.ofDays(followUpDays));
        }
        Instant deadline = runningDeadline();
        if (deadline == null) {
            return null;
        }
        if (!stage().equals(reminded) && now.isBefore(deadline)) {
            Instant remind = remindAt(deadline, share);
            return remind.isAfter(now) ? remind : now;
        }
        if (supervisionLevel >= MAX_SUPERVISION) {
            return null;
        }
        Instant next = supervisionLevel == 0 ? deadline
                : time.after(deadline, steps.get(Math.min(supervisionLevel, steps.size()) - 1).toMinutes(), urgent);
        return next.plusSeconds(1);
    }

    /** The deadline that counts now, or null when nothing runs (closed, or waiting on the student). */
    Instant runningDeadline() {
        if (!state.open() || state == TicketState.WAITING_ON_STUDENT) {
            return null;
        }
        if (state == TicketState.SUBMITTED || state == TicketState.RETURNED) {
            return dispatchBy;
        }
        return firstResponseAt == null ? respondBy : resolveBy;
    }

    private void responded(Instant now, Deadlines time) {
        if (firstResponseAt == null) {
            firstResponseAt = now;
            responseMinutes = (int) time.minutesBetween(submittedAt, now, urgent);
            respondedOnTime = respondBy == null || !now.isAfter(respondBy);
        }
    }

    private void requireOpen() {
        if (!state.open()) {
            throw new RuleViolation("ticket.illegalMove", number(), new DefaultMessageSourceResolvable("ticket.state." + state.name()));
        }
    }

    private void require(Set<TicketState> allowed) {
        if (!allowed.contains(state)) {
            throw new RuleViolation("ticket.illegalMove", number(), new DefaultMessageSourceResolvable("ticket.state." + state.name()));
        }
    }
}
