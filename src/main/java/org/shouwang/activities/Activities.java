package org.shouwang.activities;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.shouwang.identity.Accounts;
import org.shouwang.notifications.Notice;
import org.shouwang.people.Enrolment;
import org.shouwang.people.People;
import org.shouwang.residence.Residence;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceViews;
import org.shouwang.spaces.Spaces;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities from plan to publication, and students' places on them: organisers draft and submit,
 * approvers publish or reject with a reason; students register (a seat, else the waitlist),
 * cancel before the deadline (the first on the waitlist moves up and is told) or ask for leave.
 * Each call is one user action in one transaction.
 */
@Service
@Transactional
public class Activities {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ActivityStore store;
    private final Registrations registrations;
    private final People people;
    private final Residence residence;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Spaces spaces;
    private final SpaceBookings spaceBookings;
    private final Clock clock;

    Activities(ActivityStore store, Registrations registrations, @Lazy People people, @Lazy Residence residence,
               @Lazy Accounts accounts, JdbcClient jdbc, ApplicationEventPublisher events, @Lazy Spaces spaces,
               @Lazy SpaceBookings spaceBookings, Clock clock) {
        this.spaces = spaces;
        this.spaceBookings = spaceBookings;
        this.store = store;
        this.registrations = registrations;
        this.people = people;
        this.residence = residence;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    // — the organiser and the approver —

    /** Staff draft an activity; they organise it from then on. */
    public long create(Viewer organiser, ActivityDraft draft) {
        if (!organiser.isStaff()) {
            throw new NotFoundException("page", "activities/new");
        }
        Activity a = Activity.drafted(checked(draft), organiser.accountId(), newKey(), clock.instant());
        store.insert(a);
        reservePlace(organiser, a);
        return a.id;
    }

    public void revise(Viewer organiser, long id, ActivityDraft draft, Integer expectedVersion) {
        Activity a = managed(organiser, id, expectedVersion);
        a.revise(checked(draft));
        store.update(a);
        reservePlace(organiser, a);
    }

    /**
     * Holds the activity's community space for its time under the space's booking rules (or frees it
     * when it has none any more); a taken slot or a time outside the space's hours refuses the whole
     * move, so nothing is half-written.
     */
    private void reservePlace(Viewer organiser, Activity a) {
        if (a.plan.spaceId() == null) {
            spaceBookings.releaseForActivity(a.id);
            return;
        }
        try {
            spaceBookings.reserveForActivity(organiser, a.plan.spaceId(), a.id, a.plan.startsAt(), a.plan.endsAt(), a.plan.title(),
                    a.plan.capacity());
        } catch (InvalidInput e) {
            throw new InvalidInput(e.problems().stream().map(p -> new InvalidInput.Problem(
                    "attendees".equals(p.field()) ? "capacity" : p.field(), p.code(), p.args())).toList());
        }
    }

    /** Sends it to the approvers (student affairs), who are told. */
    public void submit(Viewer organiser, long id, Integer expectedVersion) {
        Activity a = managed(organiser, id, expectedVersion);
        a.submit(clock.instant());
        store.update(a);
        Set<Long> approvers = accounts.holding(Role.STUDENT_AFFAIRS, null);
        events.publishEvent(new Notice("activity-submitted-" + a.id + "-" + a.version, approvers, "activity.notice.submitted",
                List.of(a.plan.title()), link(a.id)));
    }

    public void approve(Viewer approver, long id, Integer expectedVersion) {
        Activity a = approvable(approver, id, expectedVersion);
        a.approve(approver.accountId(), clock.instant());
        store.update(a);
        events.publishEvent(new Notice("activity-published-" + a.id, Set.of(a.createdBy), "activity.notice.published",
                List.of(a.plan.title()), link(a.id)));
    }

    public void reject(Viewer approver, long id, String reason, Integer expectedVersion) {
        Activity a = approvable(approver, id, expectedVersion);
        a.reject(approver.accountId(), reason(reason), clock.instant());
        store.update(a);
        spaceBookings.releaseForActivity(a.id);
        events.publishEvent(new Notice("activity-rejected-" + a.id + "-" + a.version, Set.of(a.createdBy), "activity.notice.rejected",
                List.of(a.plan.title(), a.rejectionReason), link(a.id)));
    }

    /** Calls it off; everyone registered or waitlisted is told. */
    public void cancel(Viewer organiser, long id, String reason, Integer expectedVersion) {
        Activity a = managed(organiser, id, expectedVersion);
        a.cancel(reason(reason), clock.instant());
        store.update(a);
        spaceBookings.releaseForActivity(a.id);
        Set<Long> told = accountsOf(jdbc.sql("SELECT student_id FROM registration WHERE activity_id = ? AND state IN ('REGISTERED', 'WAITLISTED')")
                .param(id).query(Long.class).list());
        events.publishEvent(new Notice("activity-cancelled-" + a.id, told, "activity.notice.cancelled",
                List.of(a.plan.title(), a.cancellationReason), link(a.id)));
    }

    // — the student —

    /** A seat if one is free, else a place on the waitlist, else refused as full. */
    public ActivityViews.Outcome register(Viewer student, long id) {
        if (student.studentId() != null && registrations.full(id)) {
            // Only a published activity fills up, so this tells nothing of one the student may not see.
            throw new RuleViolation("activity.full");
        }
        Enrolment enrolment = enrolmentOf(student);
        Activity a = visible(student, id);
        Instant now = clock.instant();
        if (!a.open()) {
            throw new RuleViolation("activity.notOpen");
        }
        if (now.isBefore(a.plan.registrationOpensAt())) {
            throw new RuleViolation("activity.registrationNotOpen");
        }
        if (!now.isBefore(a.plan.registrationClosesAt())) {
            throw new RuleViolation("activity.registrationClosed");
        }
        if (!inAudience(a.plan, enrolment)) {
            throw new RuleViolation("activity.notInAudience");
        }
        return registrations.take(id, enrolment.studentId(), now);
    }

    /** Gives up a seat (until the cancellation deadline) or a waitlist place (until the start). */
    public void cancelRegistration(Viewer student, long id) {
        Enrolment enrolment = enrolmentOf(student);
        Activity a = visible(student, id);
        Registrations.Held held = active(id, enrolment.studentId());
        Instant now = clock.instant();
        if (held.state() == RegistrationState.REGISTERED && now.isAfter(a.plan.cancelBy())
                || !now.isBefore(a.plan.startsAt())) {
            throw new RuleViolation("activity.cancelClosed");
        }
        if (held.state() == RegistrationState.ON_LEAVE) {
            throw new RuleViolation("activity.notRegistered");
        }
        registrations.release(id, held, RegistrationState.CANCELLED, now);
        if (held.state() == RegistrationState.REGISTERED) {
            promoteFirst(a, now);
        }
    }

    /** Asks the organiser for leave from a registered activity (after the cancellation deadline, say). */
    public void askLeave(Viewer student, long id, String reason) {
        Enrolment enrolment = enrolmentOf(student);
        Activity a = visible(student, id);
        Registrations.Held held = active(id, enrolment.studentId());
        if (held.state() != RegistrationState.REGISTERED || !clock.instant().isBefore(a.plan.endsAt())) {
            throw new RuleViolation("activity.leaveNotPossible");
        }
        if (jdbc.sql("UPDATE registration SET leave_state = 'REQUESTED', leave_reason = ? WHERE id = ? AND state = 'REGISTERED' AND leave_state IS NULL")
                .params(reason(reason), held.id()).update() == 0) {
            throw new RuleViolation("activity.leaveAlreadyAsked");
        }
        events.publishEvent(new Notice("activity-leave-" + held.id(), organisers(a), "activity.notice.leaveAsked",
                List.of(a.plan.title(), enrolment.name()), link(a.id)));
    }

    /** The organiser grants leave (the seat goes to the waitlist before the start) or refuses it. */
    public void decideLeave(Viewer organiser, long id, long studentId, boolean grant) {
        Activity a = managed(organiser, id, null);
        Registrations.Held held = active(id, studentId);
        String asked = jdbc.sql("SELECT leave_state FROM registration WHERE id = ?").param(held.id()).query(String.class).single();
        if (!"REQUESTED".equals(asked) || held.state() != RegistrationState.REGISTERED) {
            throw new RuleViolation("activity.noLeaveAsked");
        }
        Instant now = clock.instant();
        if (grant) {
            registrations.release(id, held, RegistrationState.ON_LEAVE, now);
            if (now.isBefore(a.plan.startsAt())) {
                promoteFirst(a, now);
            }
        }
        jdbc.sql("UPDATE registration SET leave_state = ?, leave_decided_by = ? WHERE id = ?")
                .params(grant ? "APPROVED" : "REFUSED", organiser.accountId(), held.id()).update();
        events.publishEvent(new Notice("activity-leave-decided-" + held.id(), accountsOf(List.of(studentId)),
                grant ? "activity.notice.leaveGranted" : "activity.notice.leaveRefused", List.of(a.plan.title()), link(a.id)));
    }

    // — for the other parts of the module —

    /** The activity, if the viewer organises it (else 404); refuses a stale version. */
    Activity managed(Viewer viewer, long id, Integer expectedVersion) {
        Activity a = store.find(id).filter(x -> x.visibleTo(viewer)).orElseThrow(() -> new NotFoundException("activity", id));
        if (!a.managedBy(viewer)) {
            throw new RuleViolation("activity.notOrganiser");
        }
        requireVersion(a, expectedVersion);
        return a;
    }

    Activity visible(Viewer viewer, long id) {
        return store.find(id).filter(x -> x.visibleTo(viewer)).orElseThrow(() -> new NotFoundException("activity", id));
    }

    static boolean inAudience(ActivityDraft plan, Enrolment e, Optional<Long> buildingOfStudent) {
        return switch (plan.audience()) {
            case EVERYONE -> true;
            case COLLEGE -> plan.audienceCollegeId() != null && plan.audienceCollegeId() == e.collegeId();
            case GRADE -> plan.audienceGrade() != null && plan.audienceGrade() == e.gradeYear();
            case BUILDING -> plan.audienceBuildingId() != null && buildingOfStudent.filter(plan.audienceBuildingId()::equals).isPresent();
            case PARTY_MEMBERS -> e.partyMember();
        };
    }

    boolean inAudience(ActivityDraft plan, Enrolment e) {
        Optional<Long> building = plan.audience() == Audience.BUILDING
                ? residence.placeOf(e.studentId()).map(p -> p.buildingId()) : Optional.empty();
        return inAudience(plan, e, building);
    }

    Set<Long> organisers(Activity a) {
        Set<Long> told = new java.util.HashSet<>();
        told.add(a.createdBy);
        if (a.plan.leaderAccountId() != null) {
            told.add(a.plan.leaderAccountId());
        }
        return told;
    }

    Set<Long> accountsOf(List<Long> studentIds) {
        Set<Long> ids = new java.util.HashSet<>();
        for (Long s : studentIds) {
            accounts.ofStudent(s).ifPresent(ids::add);
        }
        return ids;
    }

    static String link(long activityId) {
        return "/activities/" + activityId;
    }

    // — checks —

    private void promoteFirst(Activity a, Instant now) {
        if (!now.isBefore(a.plan.startsAt())) {
            return;
        }
        registrations.promote(a.id, now).ifPresent(next -> events.publishEvent(new Notice("activity-promoted-" + next.id(),
                accountsOf(List.of(next.studentId())), "activity.notice.promoted", List.of(a.plan.title()), link(a.id))));
    }

    private Registrations.Held active(long id, long studentId) {
        return registrations.of(id, studentId).filter(h -> h.state() != RegistrationState.CANCELLED)
                .orElseThrow(() -> new RuleViolation("activity.notRegistered"));
    }

    private Activity approvable(Viewer approver, long id, Integer expectedVersion) {
        Activity a = visible(approver, id);
        if (!Activity.approvableBy(approver)) {
            throw new RuleViolation("activity.notApprover");
        }
        requireVersion(a, expectedVersion);
        return a;
    }

    private static void requireVersion(Activity a, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != a.version) {
            throw new RuleViolation("activity.conflict");
        }
    }

    private Enrolment enrolmentOf(Viewer student) {
        if (student.studentId() == null) {
            throw new RuleViolation("activity.studentsOnly");
        }
        return people.enrolment(student.studentId()).orElseThrow(() -> new NotFoundException("student", student.studentId()));
    }

    /** The plan's own problems and those that need other modules: unknown building, college or leader. */
    private ActivityDraft checked(ActivityDraft draft) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (draft.spaceId() != null) {
            try {
                SpaceViews.Space space = spaces.space(draft.spaceId());
                if (!space.active()) {
                    throw new NotFoundException("space", draft.spaceId());
                }
                draft = draft.inSpace(space.id(), space.buildingId(), space.name());
            } catch (NotFoundException e) {
                problems.add(new InvalidInput.Problem("spaceId", "activity.unknownSpace"));
            }
        }
        ActivityDraft plan = Activity.checked(draft, problems);
        java.util.Map<Long, String> buildings = residence.buildingNames();
        if (plan.buildingId() != null && !buildings.containsKey(plan.buildingId())) {
            problems.add(new InvalidInput.Problem("buildingId", "activity.unknownPlace"));
        }
        if (plan.audienceBuildingId() != null && !buildings.containsKey(plan.audienceBuildingId())) {
            problems.add(new InvalidInput.Problem("audienceBuildingId", "activity.unknownPlace"));
        }
        if (plan.audienceCollegeId() != null && !people.collegeNames().containsKey(plan.audienceCollegeId())) {
            problems.add(new InvalidInput.Problem("audienceCollegeId", "activity.unknownCollege"));
        }
        if (plan.leaderAccountId() != null && !accounts.holding(Role.LEADER, null).contains(plan.leaderAccountId())) {
            problems.add(new InvalidInput.Problem("leaderAccountId", "activity.notALeader"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return plan;
    }

    private static String reason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new InvalidInput("reason", "activity.required");
        }
        if (r.length() > Activity.REASON_MAX) {
            throw new InvalidInput("reason", "activity.tooLong", Activity.REASON_MAX);
        }
        return r;
    }

    private static String newKey() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
