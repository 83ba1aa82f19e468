package org.shouwang.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.notifications.Notice;
import org.shouwang.people.Enrolment;
import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.shouwang.people.StudentSummary;
import org.shouwang.residence.Residence;
import org.shouwang.residence.ResidenceViews;
import org.shouwang.shared.Photo;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request closed loop (DESIGN §4): students submit, staff register what they heard, the
 * responsibility list dispatches, departments accept, answer and resolve, the student follows up.
 * Each call is one user action in one transaction: it checks who may act, moves the request,
 * appends the history and tells the right people.
 */
@Service
@Transactional
public class Tickets {

    private final TicketStore store;
    private final TicketQueries queries;
    private final Responsibilities responsibilities;
    private final BusinessCalendar calendar;
    private final TicketsProperties properties;
    private final People people;
    private final Residence residence;
    private final Accounts accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Tickets(TicketStore store, TicketQueries queries, Responsibilities responsibilities, BusinessCalendar calendar,
            TicketsProperties properties, @Lazy People people, @Lazy Residence residence, @Lazy Accounts accounts,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.responsibilities = responsibilities;
        this.calendar = calendar;
        this.properties = properties;
        this.people = people;
        this.residence = residence;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a student asks for. Location: empty means their bed; a building (and a description of
     * the place in it) for a public space.
     */
    public record Submission(Category category, Category.Subcategory subcategory, boolean urgent, String text,
                             Long buildingId, String location) {
    }

    /** What staff register for a student who told them in person or by phone; solved on the spot closes it at once. */
    public record Registration(String studentNumber, Channel channel, Submission request, boolean solvedOnSpot,
                               String feedback) {
    }

    public record FollowUp(boolean contacted, boolean solved, Satisfaction satisfaction) {
    }

    /** A student submits a request of their own. */
    public TicketViews.Submitted submit(Viewer student, Submission submission, List<Photo> photos) {
        if (student.studentId() == null) {
            throw new NotFoundException("page", "submit");
        }
        return create(student, student.studentId(), Channel.ONLINE, null, submission, photos, null);
    }

    /** Staff register a request a student brought them; they become its first-inquiry owner. */
    public TicketViews.Submitted register(Viewer staff, Registration registration, List<Photo> photos) {
        return register(staff, registration, photos, staff.accountId());
    }

    /**
     * Staff register a request that someone else heard first, who becomes its first-inquiry owner:
     * the organiser of a leader's front-line activity writes down what students told the leader.
     * The registrar is the actor of the first step; the owner is told of every step from then on.
     */
    public TicketViews.Submitted register(Viewer staff, Registration registration, List<Photo> photos, long ownerAccountId) {
        if (!mayRegister(staff)) {
            throw new NotFoundException("page", "register");
        }
        if (registration.channel() == Channel.ONLINE) {
            throw new InvalidInput("channel", "ticket.channelForStaff");
        }
        StudentSummary student = people.studentByNumber(registration.studentNumber() == null ? "" : registration.studentNumber().trim())
                .orElseThrow(() -> new InvalidInput("studentNumber", "ticket.unknownStudent", registration.studentNumber()));
        if (registration.solvedOnSpot() && (registration.feedback() == null || registration.feedback().isBlank())) {
            throw new InvalidInput("feedback", "ticket.feedbackRequired");
        }
        return create(staff, student.id(), registration.channel(), ownerAccountId, registration.request(), photos,
                registration.solvedOnSpot() ? registration.feedback().trim() : null);
    }

    /**
     * Who may register a request for a student: staff with a staff record, the dispatch desk, and
     * leaders, who hear students at their front-line activities (policy talks, dinner meetings…).
     */
    public static boolean mayRegister(Viewer viewer) {
        return viewer.isStaff() && (viewer.staffId() != null || viewer.has(Role.DISPATCH_DESK) || viewer.has(Role.LEADER));
    }

    private TicketViews.Submitted create(Viewer actor, long studentId, Channel channel, Long owner, Submission s,
                                         List<Photo> photos, String solvedOnSpot) {
        String text = checkText("text", s.text());
        checkCategory(s);
        Photo.check(photos, properties.maxPhotos(), properties.maxPhotoBytes());
        Enrolment student = people.enrolment(studentId).orElseThrow(() -> new NotFoundException("student", studentId));
        Ticket.Place place = place(studentId, s);
        Instant now = clock.instant();
        boolean urgent = s.urgent() && s.category().allowsUrgency();
        Ticket t = Ticket.submitted(studentId, student.classId(), student.collegeId(), s.category(), s.subcategory(), urgent,
                text, place, channel, owner, now, calendar.after(now, properties.limits(urgent).dispatchHours() * 60L, urgent));
        if (properties.mentionsCrisis(text)) {
            t.markCrisis();
        }
        Telling telling = new Telling(t, actor);
        int submitted = t.steps().size();
        if (solvedOnSpot != null) {
            t.solveOnSpot(solvedOnSpot, now);
        } else {
            automaticRoute(t, telling).ifPresent(route -> t.dispatch(route, now, calendar));
        }
        store.insert(t);
        // The list dispatches, not the student: automatic steps are the system's.
        List<Viewer> actors = new ArrayList<>(Collections.nCopies(submitted, actor));
        actors.addAll(Collections.nCopies(t.steps().size() - submitted, solvedOnSpot != null ? actor : null));
        List<Long> eventIds = record(t, actors, now, telling);
        store.addPhotos(t.id, eventIds.get(0), photos);
        String department = t.departmentId == null ? null : telling.departmentName(t.departmentId);
        return new TicketViews.Submitted(t.id, t.number(), t.state, department, t.crisis, t.crisis ? properties.hotline() : null);
    }

    /** Psychology (and crisis) goes to the psychology centre; otherwise the published list, when it is unambiguous. */
    private Optional<Ticket.Route> automaticRoute(Ticket t, Telling telling) {
        if (t.confidential) {
            long department = psychologyDepartment();
            return Optional.of(responsibilities.clauseFor(Category.PSYCHOLOGY, null, t.buildingId, department)
                    .map(c -> new Ticket.Route(department, c.id(), c.version(), c.limits(t.urgent)))
                    .orElse(new Ticket.Route(department, null, null, properties.limits(t.urgent))));
        }
        return responsibilities.route(t.category, t.subcategory, t.buildingId).map(c -> {
            telling.knowDepartment(c.departmentId(), c.department());
            return new Ticket.Route(c.departmentId(), c.id(), c.version(), c.limits(t.urgent));
        });
    }

    /** The desk sends a request that could not be routed automatically (or was returned) to a department. */
    public void dispatch(Viewer desk, long id, long departmentId, Integer expectedVersion) {
        act(desk, id, expectedVersion, t -> {
            requireDesk(desk, t);
            t.dispatch(routeTo(t, departmentId), clock.instant(), calendar);
        });
    }

    /** The desk hands a request on to another department. */
    public void transfer(Viewer desk, long id, long departmentId, String reason, Integer expectedVersion) {
        act(desk, id, expectedVersion, t -> {
            requireDesk(desk, t);
            t.transfer(routeTo(t, departmentId), optionalText(reason), clock.instant(), calendar);
        });
    }

    /** Student affairs decides where a request returned twice goes; the department cannot return it again. */
    public void decide(Viewer affairs, long id, long departmentId, String reason, Integer expectedVersion) {
        act(affairs, id, expectedVersion, t -> {
            if (!affairs.has(Role.STUDENT_AFFAIRS)) {
                throw forbidden(t);
            }
            t.decide(routeTo(t, departmentId), checkText("reason", reason), clock.instant(), calendar);
        });
    }

    public void accept(Viewer handler, long id, Integer expectedVersion) {
        act(handler, id, expectedVersion, t -> {
            requireHandler(handler, t);
            t.accept(handler.accountId(), clock.instant());
        });
    }

    /** A public reply: by the handler (the first is the first response), or by the student on their own request. */
    public void reply(Viewer viewer, long id, String text, List<Photo> photos, Integer expectedVersion) {
        String checked = checkText("text", text);
        Photo.check(photos, properties.maxPhotos(), properties.maxPhotoBytes());
        act(viewer, id, expectedVersion, t -> {
            if (TicketScope.requester(viewer, t)) {
                t.studentReply(checked, clock.instant(), calendar);
            } else {
                requireHandler(viewer, t);
                t.reply(checked, clock.instant(), calendar);
            }
        }, photos);
    }

    /** An internal note, never shown to the student. */
    public void note(Viewer viewer, long id, String text, Integer expectedVersion) {
        String checked = checkText("text", text);
        act(viewer, id, expectedVersion, t -> {
            if (TicketScope.requester(viewer, t) || !viewer.isStaff()) {
                throw forbidden(t);
            }
            t.note(checked);
        });
    }

    /** Asks the student for more; the clock stops until they answer. */
    public void ask(Viewer handler, long id, String question, Integer expectedVersion) {
        String checked = checkText("text", question);
        act(handler, id, expectedVersion, t -> {
            requireHandler(handler, t);
            t.askStudent(checked, clock.instant(), calendar);
        });
    }

    public void requestExtension(Viewer handler, long id, int hours, String reason, Integer expectedVersion) {
        String checked = checkText("reason", reason);
        if (hours < 1 || hours > 720) {
            throw new InvalidInput("hours", "ticket.extensionHours");
        }
        act(handler, id, expectedVersion, t -> {
            requireHandler(handler, t);
            if (store.pendingExtension(t.id).isPresent()) {
                throw new RuleViolation("ticket.extensionPending", t.number());
            }
            t.requestExtension(hours, checked);
            store.requestExtension(t.id, hours, checked, handler.accountId(), clock.instant());
        });
    }

    /** The department head approves or refuses a pending extension; the student is told of an approval. */
    public void decideExtension(Viewer head, long id, boolean approve, String note, Integer expectedVersion) {
        act(head, id, expectedVersion, t -> {
            if (!TicketScope.heads(head, t)) {
                throw forbidden(t);
            }
            TicketStore.Extension extension = store.pendingExtension(t.id)
                    .orElseThrow(() -> new RuleViolation("ticket.noPendingExtension", t.number()));
            String checked = optionalText("note", note);
            if (!store.decideExtension(extension.id(), approve, checked, head.accountId(), clock.instant())) {
                throw new RuleViolation("ticket.conflict", t.number());
            }
            if (approve) {
                t.extend(extension.hours(), checked, calendar);
            } else {
                t.refuseExtension(extension.hours(), checked);
            }
        });
    }

    public void resolve(Viewer handler, long id, String feedback, List<Photo> photos, Integer expectedVersion) {
        String checked = checkText("text", feedback);
        Photo.check(photos, properties.maxPhotos(), properties.maxPhotoBytes());
        act(handler, id, expectedVersion, t -> {
            requireHandler(handler, t);
            t.resolve(checked, clock.instant(), calendar);
        }, photos);
    }

    /** Returns a wrongly dispatched request to the desk, citing the clause of the published list it relies on. */
    public void returnToDispatch(Viewer handler, long id, String clause, String reason, Integer expectedVersion) {
        String checkedReason = checkText("reason", reason);
        if (clause == null || clause.isBlank()) {
            throw new InvalidInput("clause", "ticket.clauseRequired");
        }
        Responsibilities.Clause cited = responsibilities.publishedClause(clause)
                .orElseThrow(() -> new InvalidInput("clause", "ticket.unknownClause", clause));
        act(handler, id, expectedVersion, t -> {
            requireHandler(handler, t);
            t.returnToDispatch("v" + cited.version() + " §" + cited.clause(), checkedReason);
        });
    }

    public void followUp(Viewer student, long id, FollowUp answers, Integer expectedVersion) {
        if (answers.satisfaction() == null) {
            throw new InvalidInput("satisfaction", "ticket.satisfactionRequired");
        }
        act(student, id, expectedVersion, t -> {
            if (!TicketScope.requester(student, t)) {
                throw forbidden(t);
            }
            if (t.onSpot) {
                throw new RuleViolation("ticket.notSurveyed", t.number());
            }
            t.followUp(answers.contacted(), answers.solved(), answers.satisfaction(), clock.instant(), calendar);
        });
    }

    public void withdraw(Viewer student, long id, String reason, Integer expectedVersion) {
        act(student, id, expectedVersion, t -> {
            if (!TicketScope.requester(student, t)) {
                throw forbidden(t);
            }
            t.withdraw(optionalText(reason), clock.instant());
        });
    }

    /** Merges a duplicate into another request; both requesters are told, and the duplicate's follows the other. */
    public void merge(Viewer desk, long id, long intoId, Integer expectedVersion) {
        Instant now = clock.instant();
        Ticket target = visible(desk, intoId);
        act(desk, id, expectedVersion, t -> {
            requireDesk(desk, t);
            t.mergeInto(target, now);
        });
        store.update(target);
        record(target, desk, now);
    }

    public void link(Viewer desk, long id, long otherId, Integer expectedVersion) {
        Ticket other = visible(desk, otherId);
        act(desk, id, expectedVersion, t -> {
            requireDesk(desk, t);
            if (t.id == other.id || !store.link(t.id, other.id)) {
                throw new RuleViolation("ticket.alreadyLinked", other.number());
            }
            t.linked(other);
        });
    }

    /** A photo of a request the viewer may read; a photo of a psychology request is audited like the request. */
    public Photo photo(Viewer viewer, long id, long photoId) {
        Ticket t = visible(viewer, id);
        Photo photo = store.photo(id, photoId).orElseThrow(() -> new NotFoundException("photo", photoId));
        if (t.confidential) {
            audit.record(viewer, "ticket.viewPhoto", "ticket", id, t.number() + " photo " + photoId);
        }
        return photo;
    }

    // — the supervision scan calls these, one request per transaction —

    /** What the scan did to one request that was due a look. */
    enum Checked { NOTHING, REMINDED, SUPERVISED, CLOSED }

    /**
     * Looks at a request the scan found due: closes it unrated when its follow-up went unanswered,
     * raises supervision when overdue, or reminds its holder of a nearing deadline; then saves it,
     * which sets when it is next due. A concurrent change wins (conflict); the next scan looks again.
     */
    Checked check(long id) {
        Ticket t = store.get(id);
        Instant now = clock.instant();
        Checked done = Checked.NOTHING;
        if (t.state == TicketState.RESOLVED) {
            if (now.isAfter(t.resolvedAt.plus(Duration.ofDays(properties.followUpDays())))) {
                t.closeUnrated(now);
                done = Checked.CLOSED;
            }
        } else {
            int level = t.levelDue(now, calendar, properties.supervisionSteps());
            if (level > t.supervisionLevel) {
                t.supervise(level, now);
                done = Checked.SUPERVISED;
            } else if (t.reminderDue(now, properties.reminderShare())) {
                t.remind(t.stage());
                done = Checked.REMINDED;
            }
        }
        store.update(t);
        record(t, null, now);
        return done;
    }

    /** Raises supervision on an overdue request to a level, as the scan would; nothing when not overdue or already there. */
    void supervise(long id, int level) {
        Ticket t = store.get(id);
        Instant deadline = t.runningDeadline();
        if (level <= t.supervisionLevel || deadline == null || !clock.instant().isAfter(deadline)) {
            return;
        }
        t.supervise(level, clock.instant());
        store.update(t);
        record(t, null, clock.instant());
    }

    // — helpers —

    private interface Move {
        void apply(Ticket t);
    }

    private void act(Viewer viewer, long id, Integer expectedVersion, Move move) {
        act(viewer, id, expectedVersion, move, List.of());
    }

    private void act(Viewer viewer, long id, Integer expectedVersion, Move move, List<Photo> photos) {
        Ticket t = visible(viewer, id);
        if (expectedVersion != null && expectedVersion != t.version) {
            throw new RuleViolation("ticket.conflict", t.number());
        }
        move.apply(t);
        store.update(t);
        List<Long> eventIds = record(t, viewer, clock.instant());
        if (!photos.isEmpty() && !eventIds.isEmpty()) {
            store.addPhotos(t.id, eventIds.get(eventIds.size() - 1), photos);
        }
    }

    private Ticket visible(Viewer viewer, long id) {
        queries.requireVisible(viewer, id);
        return store.get(id);
    }

    /**
     * Appends the steps to the history and tells whoever each step concerns; a step that ends the
     * request (closed, withdrawn, merged) is also published as {@link TicketClosed}.
     */
    private List<Long> record(Ticket t, Viewer actor, Instant now) {
        return record(t, Collections.nCopies(t.steps().size(), actor), now, new Telling(t, null));
    }

    /** Step {@code i} is the doing of {@code actors.get(i)}, the system's when null. */
    private List<Long> record(Ticket t, List<Viewer> actors, Instant now, Telling telling) {
        List<Step> steps = List.copyOf(t.steps());
        List<Long> ids = store.append(t, actors, now);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            tell(t, step, ids.get(i), actors.get(i), telling);
            if (step.to() != null && step.to().ended() && step.from() != step.to()) {
                events.publishEvent(new TicketClosed(t.id, step.to(), t.mergedIntoId, now));
            }
        }
        return ids;
    }

    private void tell(Ticket t, Step step, long eventId, Viewer actor, Telling telling) {
        Set<Long> to = new HashSet<>();
        if (step.kind().shown()) {
            to.addAll(telling.requesters());
        }
        if (t.ownerAccountId != null) {
            to.add(t.ownerAccountId);
        }
        switch (step.kind()) {
            case SUBMITTED, REGISTERED -> {
                if (t.state == TicketState.SUBMITTED && !t.confidential) {
                    to.addAll(accounts.holding(Role.DISPATCH_DESK, null));
                }
            }
            case DISPATCHED, TRANSFERRED, DECIDED, REOPENED, SUPPLIED, STUDENT_REPLIED -> to.addAll(departmentAccounts(t));
            case RETURNED -> to.addAll(t.awaitingDecision ? accounts.holding(Role.STUDENT_AFFAIRS, null)
                    : accounts.holding(Role.DISPATCH_DESK, null));
            case EXTENSION_REQUESTED -> to.addAll(accounts.holding(Role.DEPARTMENT_HEAD, t.departmentId));
            case EXTENSION_APPROVED, EXTENSION_REJECTED, REMINDED -> to.addAll(holderAccounts(t));
            case CRISIS -> to.addAll(accounts.holding(Role.PSYCHOLOGY_CENTRE, null));
            case SUPERVISED -> to.addAll(switch (t.supervisionLevel) {
                case 1 -> t.departmentId == null ? accounts.holding(Role.DISPATCH_DESK, null)
                        : accounts.holding(Role.DEPARTMENT_HEAD, t.departmentId);
                case 2 -> accounts.holding(Role.STUDENT_AFFAIRS, null);
                default -> accounts.holding(Role.LEADER, null);
            });
            default -> {
            }
        }
        if (actor != null) {
            to.remove(actor.accountId());
        }
        if (to.isEmpty()) {
            return;
        }
        String detail = switch (step.kind()) {
            case DISPATCHED, TRANSFERRED, DECIDED -> telling.departmentName(t.departmentId);
            case SUPERVISED -> String.valueOf(t.supervisionLevel);
            default -> "";
        };
        events.publishEvent(new Notice("ticket-event:" + eventId, to, "notice.ticket." + step.kind().name(),
                List.of(t.number(), detail), "/requests/" + t.id));
    }

    /**
     * What telling of the steps of one save (a submission: its own and the dispatch) reads once:
     * the requesters' accounts and the departments' names.
     */
    private final class Telling {
        private final Ticket ticket;
        private final Viewer creator;
        private final Map<Long, String> departmentNames = new HashMap<>();
        private Set<Long> requesters;
        private boolean allDepartments;

        /**
         * @param creator who is creating the request, null when it is already saved: nothing is
         *                merged into a new request, and a student submitting is its only requester
         */
        Telling(Ticket ticket, Viewer creator) {
            this.ticket = ticket;
            this.creator = creator;
        }

        Set<Long> requesters() {
            if (requesters == null) {
                requesters = creator != null && creator.isStudent(ticket.studentId) ? Set.of(creator.accountId()) : read();
            }
            return requesters;
        }

        private Set<Long> read() {
            Set<Long> ids = new HashSet<>();
            accounts.ofStudent(ticket.studentId).ifPresent(ids::add);
            if (creator == null) {
                queries.mergedRequesters(ticket.id).forEach(s -> accounts.ofStudent(s).ifPresent(ids::add));
            }
            return ids;
        }

        /** A name already at hand (the clause that routed the request names its department). */
        void knowDepartment(long id, String name) {
            departmentNames.put(id, name);
        }

        String departmentName(Long id) {
            if (id == null) {
                return "";
            }
            if (!departmentNames.containsKey(id) && !allDepartments) {
                people.departments().forEach(d -> departmentNames.put(d.id(), d.name()));
                allDepartments = true;
            }
            return departmentNames.getOrDefault(id, "");
        }
    }

    private Set<Long> departmentAccounts(Ticket t) {
        if (t.departmentId == null) {
            return Set.of();
        }
        if (t.handlerAccountId != null) {
            return Set.of(t.handlerAccountId);
        }
        return accounts.holding(t.confidential ? Role.PSYCHOLOGY_CENTRE : Role.DEPARTMENT_HANDLER, t.departmentId);
    }

    private Set<Long> holderAccounts(Ticket t) {
        if (t.departmentId == null) {
            return accounts.holding(Role.DISPATCH_DESK, null);
        }
        return departmentAccounts(t);
    }

    private Ticket.Route routeTo(Ticket t, long departmentId) {
        if (people.departments().stream().noneMatch(d -> d.id() == departmentId)) {
            throw new InvalidInput("departmentId", "ticket.unknownDepartment");
        }
        return responsibilities.clauseFor(t.category, t.subcategory, t.buildingId, departmentId)
                .map(c -> new Ticket.Route(departmentId, c.id(), c.version(), c.limits(t.urgent)))
                .orElse(new Ticket.Route(departmentId, null, null, properties.limits(t.urgent)));
    }

    private long psychologyDepartment() {
        return people.departments().stream().filter(d -> d.code().equals(properties.psychologyDepartment()))
                .map(Structure.Department::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("no department " + properties.psychologyDepartment()));
    }

    private Ticket.Place place(long studentId, Submission s) {
        if (s.buildingId() != null) {
            ResidenceViews.Building building;
            try {
                building = residence.building(s.buildingId());
            } catch (NotFoundException e) {
                throw new InvalidInput("buildingId", "ticket.unknownBuilding");
            }
            String where = optionalText(s.location());
            if (where == null) {
                throw new InvalidInput("location", "ticket.locationRequired");
            }
            if (where.length() > 150) {
                throw new InvalidInput("location", "ticket.locationTooLong");
            }
            return new Ticket.Place(building.name() + " " + where, building.id(), null, null);
        }
        return residence.placeOf(studentId)
                .map(p -> new Ticket.Place(p.building() + " " + p.room() + (s.location() == null || s.location().isBlank() ? ""
                        : " · " + truncate(s.location().trim(), 60)), p.buildingId(), p.floor(), p.roomId()))
                .orElseGet(() -> {
                    String where = optionalText(s.location());
                    if (where == null) {
                        throw new InvalidInput("location", "ticket.locationRequired");
                    }
                    return new Ticket.Place(truncate(where, 200), null, null, null);
                });
    }

    private static void checkCategory(Submission s) {
        if (s.category() == null) {
            throw new InvalidInput("category", "ticket.categoryRequired");
        }
        if (s.category() == Category.REPAIRS && s.subcategory() == null) {
            throw new InvalidInput("subcategory", "ticket.subcategoryRequired");
        }
        if (s.category() != Category.REPAIRS && s.subcategory() != null) {
            throw new InvalidInput("subcategory", "ticket.subcategoryOnlyForRepairs");
        }
        if (s.urgent() && !s.category().allowsUrgency()) {
            throw new InvalidInput("urgent", "ticket.urgencyNotAllowed");
        }
    }

    static final int MAX_TEXT = 2000;

    private static String checkText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "ticket.textRequired");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT) {
            throw new InvalidInput(field, "ticket.textTooLong", String.valueOf(MAX_TEXT));
        }
        return trimmed;
    }

    private static String optionalText(String text) {
        return optionalText("reason", text);
    }

    private static String optionalText(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT) {
            throw new InvalidInput(field, "ticket.textTooLong", String.valueOf(MAX_TEXT));
        }
        return trimmed;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private void requireDesk(Viewer viewer, Ticket t) {
        if (!TicketScope.dispatches(viewer, t)) {
            throw forbidden(t);
        }
    }

    private void requireHandler(Viewer viewer, Ticket t) {
        if (!TicketScope.handles(viewer, t)) {
            throw forbidden(t);
        }
    }

    /** Someone who may read the request but not make this move: a conflict with their role, not a secret. */
    private static RuleViolation forbidden(Ticket t) {
        return new RuleViolation("ticket.notYours", t.number());
    }
}
