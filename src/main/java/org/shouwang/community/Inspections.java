package org.shouwang.community;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.notifications.Notice;
import org.shouwang.people.Enrolment;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.residence.Residence;
import org.shouwang.residence.ResidenceViews;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Photo;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Channel;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspection rounds (卫生/安全检查) room by room on a phone: an inspector of the self-discipline
 * committee or the building manager starts a round for a building or floor on a date — every room,
 * or a random spot-check list kept with the round — and records each room: the defects ticked with
 * their deductions, photos and a note give the room's score (100 less the deductions). Defects open
 * a rectification; a defect that needs a repair registers a repair request for the room, its
 * first-inquiry owner the inspector's supervising staff. One user action, one transaction: a bad
 * value anywhere writes nothing.
 */
@Service
@Transactional
public class Inspections {

    static final int NOTE_MAX = 1000;
    static final int DEFECT_NOTE_MAX = 500;
    static final int FULL_SCORE = 100;
    /** How far back a round may be dated: a round is recorded on the day or soon after. */
    static final int BACKDATE_DAYS = 31;

    private final JdbcClient jdbc;
    private final InspectionScope scope;
    private final Rubric rubric;
    private final Organisations organisations;
    private final Residence residence;
    private final People people;
    private final Accounts accounts;
    private final Tickets tickets;
    private final InspectionsProperties properties;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    Inspections(JdbcClient jdbc, InspectionScope scope, Rubric rubric, @Lazy Organisations organisations,
                @Lazy Residence residence, @Lazy People people, @Lazy Accounts accounts, @Lazy Tickets tickets,
                InspectionsProperties properties, ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.rubric = rubric;
        this.organisations = organisations;
        this.residence = residence;
        this.people = people;
        this.accounts = accounts;
        this.tickets = tickets;
        this.properties = properties;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    // — who may —

    /** Whether the inspection pages are for this viewer at all (others are answered 404). */
    @Transactional(readOnly = true)
    public boolean maySeeInspections(Viewer viewer) {
        return scope.maySeeInspections(viewer) || supervises(viewer);
    }

    /**
     * Whether the viewer works on inspections rather than only reading their own room: inspectors, building
     * managers and leaders, floor leaders, the committee's advisor, administrators, student affairs and leaders.
     */
    @Transactional(readOnly = true)
    public boolean worksOnInspections(Viewer viewer) {
        if (InspectionScope.seesEverything(viewer) || scope.inspects(viewer) || supervises(viewer)) {
            return true;
        }
        InspectionScope.Reach reach = scope.reach(viewer);
        return !reach.buildings().isEmpty() || !reach.floors().isEmpty();
    }

    /** Whether the viewer may open the round (to go back to it from a result). */
    @Transactional(readOnly = true)
    public boolean seesRound(Viewer viewer, long roundId) {
        try {
            visibleRound(viewer, roundId, false);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Inspectors of the self-discipline committee and building managers start rounds. */
    @Transactional(readOnly = true)
    public boolean mayStartRounds(Viewer viewer) {
        return scope.inspects(viewer);
    }

    /** The buildings the viewer may start a round in: every building for an inspector, their own for a building manager. */
    @Transactional(readOnly = true)
    public Map<Long, String> buildingsForRounds(Viewer viewer) {
        Map<Long, String> names = residence.buildingNames();
        if (organisations.isInspector(viewer)) {
            return names;
        }
        Map<Long, String> own = new LinkedHashMap<>();
        names.forEach((id, name) -> {
            if (scope.manages(viewer, id)) {
                own.put(id, name);
            }
        });
        return own;
    }

    private boolean supervises(Viewer viewer) {
        return jdbc.sql("SELECT count(*) FROM inspection_round WHERE supervisor_account_id = ?").param(viewer.accountId())
                .query(Long.class).single() > 0;
    }

    // — rounds —

    /** Starts a round; answers its id. Every bad value is a field error and nothing is written. */
    public long startRound(Viewer viewer, InspectionViews.RoundDraft draft) {
        if (!scope.inspects(viewer)) {
            throw new NotFoundException("page", "inspections/rounds");
        }
        Fields f = new Fields();
        Long buildingId = null;
        if (f.text(draft.buildingId(), "buildingId", 20, true) != null) {
            try {
                buildingId = Long.parseLong(draft.buildingId().strip());
            } catch (NumberFormatException e) {
                f.add("buildingId", "inspection.unknownBuilding");
            }
        }
        if (buildingId != null && !buildingsForRounds(viewer).containsKey(buildingId)) {
            f.add("buildingId", "inspection.unknownBuilding");
            buildingId = null;
        }
        Integer floor = null;
        if (draft.floor() != null && !draft.floor().isBlank()) {
            floor = Rubric.number(draft.floor(), "floor", -5, 200, f);
        }
        LocalDate today = CampusTime.today(clock);
        LocalDate heldOn = today;
        if (draft.heldOn() != null && !draft.heldOn().isBlank()) {
            try {
                heldOn = LocalDate.parse(draft.heldOn().strip());
                if (heldOn.isAfter(today)) {
                    f.add("heldOn", "inspection.dateInFuture");
                } else if (heldOn.isBefore(today.minusDays(BACKDATE_DAYS))) {
                    f.add("heldOn", "inspection.dateTooEarly", BACKDATE_DAYS);
                }
            } catch (DateTimeParseException e) {
                f.add("heldOn", "inspection.badDate");
            }
        }
        RoundMode mode = Rubric.choice(RoundMode.class, draft.mode(), "mode", f);
        Integer count = null;
        if (mode == RoundMode.SPOT_CHECK) {
            count = Rubric.number(draft.spotCount(), "spotCount", 1, 500, f);
        }
        List<ResidenceViews.Room> rooms = List.of();
        Map<Long, Integer> floorOf = new HashMap<>();
        if (buildingId != null && !f.has("floor")) {
            List<ResidenceViews.Floor> floors = residence.vacancyMap(buildingId);
            Integer wanted = floor;
            if (wanted != null && floors.stream().noneMatch(x -> x.number() == wanted)) {
                f.add("floor", "inspection.unknownFloor");
            }
            rooms = floors.stream().filter(x -> wanted == null || x.number() == wanted)
                    .sorted(Comparator.comparingInt(ResidenceViews.Floor::number))
                    .flatMap(x -> {
                        x.rooms().forEach(r -> floorOf.put(r.id(), x.number()));
                        return x.rooms().stream();
                    }).toList();
            if (count != null && count > rooms.size()) {
                f.add("spotCount", "inspection.spotCountTooLarge", rooms.size());
            }
        }
        if (!f.has("buildingId") && !f.has("floor") && rooms.isEmpty() && buildingId != null) {
            f.add("floor", "inspection.noRooms");
        }
        f.check();
        Long seed = null;
        List<ResidenceViews.Room> visit = rooms;
        if (mode == RoundMode.SPOT_CHECK) {
            seed = new Random().nextLong();
            visit = spotCheck(rooms, count, seed);
        }
        long supervisor = viewer.studentId() != null
                ? organisations.supervisorOf(viewer.studentId()).orElseThrow(() -> new NotFoundException("page", "inspections/rounds"))
                : viewer.accountId();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO inspection_round (building_id, floor_number, held_on, mode, spot_count, seed, inspector_account_id,
                                                      inspector_student_id, supervisor_account_id, state, started_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(buildingId, floor, heldOn, mode.name(), count, seed, viewer.accountId(), viewer.studentId(), supervisor,
                        Timestamps.of(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        int position = 0;
        for (ResidenceViews.Room room : visit) {
            jdbc.sql("INSERT INTO inspection_round_room (round_id, room_id, position, floor_number, room_number) VALUES (?, ?, ?, ?, ?)")
                    .params(id, room.id(), position++, floorOf.get(room.id()), room.number()).update();
        }
        return id;
    }

    /** The spot-check list: {@code count} rooms drawn at random with the seed, so the same seed draws the same rooms. */
    static List<ResidenceViews.Room> spotCheck(List<ResidenceViews.Room> rooms, int count, long seed) {
        List<ResidenceViews.Room> pool = new ArrayList<>(rooms);
        pool.sort(Comparator.comparingLong(ResidenceViews.Room::id));
        java.util.Collections.shuffle(pool, new Random(seed));
        List<ResidenceViews.Room> drawn = new ArrayList<>(pool.subList(0, Math.min(count, pool.size())));
        drawn.sort(Comparator.comparing(ResidenceViews.Room::number));
        return drawn;
    }

    /** The rounds the viewer may see, newest first. */
    @Transactional(readOnly = true)
    public List<InspectionViews.RoundRow> rounds(Viewer viewer, int limit) {
        if (!maySeeInspections(viewer)) {
            throw new NotFoundException("page", "inspections");
        }
        Map<String, Object> params = InspectionScope.params();
        String condition = scope.reach(viewer).roundCondition(params);
        params.put("limit", Math.max(1, Math.min(limit, 500)));
        Map<Long, String> buildings = residence.buildingNames();
        List<Object[]> rows = jdbc.sql("""
                        SELECT r.id, r.building_id, r.floor_number, r.held_on, r.mode, r.inspector_account_id, r.state,
                               (SELECT count(*) FROM inspection_round_room x WHERE x.round_id = r.id),
                               (SELECT count(*) FROM room_inspection ri WHERE ri.round_id = r.id)
                        FROM inspection_round r WHERE %s ORDER BY r.held_on DESC, r.id DESC LIMIT :limit""".formatted(condition))
                .params(params)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3, Integer.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getInt(8), rs.getInt(9)})
                .list();
        Map<Long, String> inspectors = accounts.names(rows.stream().map(r -> (Long) r[5]).collect(Collectors.toSet()));
        return rows.stream().map(r -> new InspectionViews.RoundRow((Long) r[0], (Long) r[1], buildings.get((Long) r[1]),
                (Integer) r[2], (LocalDate) r[3], RoundMode.valueOf((String) r[4]), inspectors.get((Long) r[5]),
                "OPEN".equals(r[6]), (Integer) r[7], (Integer) r[8])).toList();
    }

    private record RoundRow(long id, long buildingId, Integer floor, LocalDate heldOn, RoundMode mode, Integer spotCount,
                            Long seed, long inspector, Long inspectorStudent, long supervisor, boolean open,
                            java.time.Instant startedAt, java.time.Instant finishedAt) {
    }

    private Optional<RoundRow> roundRow(long id, boolean lock) {
        return jdbc.sql("SELECT * FROM inspection_round WHERE id = ?" + (lock ? " FOR UPDATE" : "")).param(id)
                .query((rs, n) -> new RoundRow(rs.getLong("id"), rs.getLong("building_id"), rs.getObject("floor_number", Integer.class),
                        rs.getObject("held_on", LocalDate.class), RoundMode.valueOf(rs.getString("mode")),
                        rs.getObject("spot_count", Integer.class), rs.getObject("seed", Long.class),
                        rs.getLong("inspector_account_id"), rs.getObject("inspector_student_id", Long.class),
                        rs.getLong("supervisor_account_id"), "OPEN".equals(rs.getString("state")),
                        rs.getObject("started_at", java.time.OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("finished_at", java.time.OffsetDateTime.class))
                                .map(java.time.OffsetDateTime::toInstant).orElse(null)))
                .optional();
    }

    private RoundRow visibleRound(Viewer viewer, long id, boolean lock) {
        RoundRow r = roundRow(id, lock).orElseThrow(() -> new NotFoundException("inspectionRound", id));
        InspectionScope.Reach reach = scope.reach(viewer);
        boolean sees = reach.all() || r.inspector() == viewer.accountId() || r.supervisor() == viewer.accountId()
                || reach.building(r.buildingId())
                || reach.floors().stream().anyMatch(a -> a.buildingId() == r.buildingId() && (r.floor() == null || r.floor().equals(a.floor())));
        if (!sees) {
            throw new NotFoundException("inspectionRound", id);
        }
        return r;
    }

    @Transactional(readOnly = true)
    public InspectionViews.Round round(Viewer viewer, long id) {
        RoundRow r = visibleRound(viewer, id, false);
        List<InspectionViews.RoundRoom> rooms = jdbc.sql("""
                        SELECT x.room_id, x.floor_number, x.room_number, ri.id AS inspection_id, ri.score,
                               (SELECT count(*) FROM inspection_defect d WHERE d.inspection_id = ri.id AND NOT d.waived) AS defects
                        FROM inspection_round_room x LEFT JOIN room_inspection ri ON ri.round_id = x.round_id AND ri.room_id = x.room_id
                        WHERE x.round_id = ? ORDER BY x.position""")
                .param(id)
                .query((rs, n) -> new InspectionViews.RoundRoom(rs.getLong("room_id"), rs.getInt("floor_number"),
                        rs.getString("room_number"), rs.getObject("inspection_id", Long.class), rs.getObject("score", Integer.class),
                        rs.getInt("defects")))
                .list();
        return new InspectionViews.Round(r.id(), r.buildingId(), residence.buildingNames().get(r.buildingId()), r.floor(),
                r.heldOn(), r.mode(), r.spotCount(), r.seed(), r.inspector(), accounts.names(List.of(r.inspector())).get(r.inspector()),
                r.open(), r.startedAt(), r.finishedAt(), rooms, r.open() && r.inspector() == viewer.accountId());
    }

    /** The round's inspector closes it; rooms not visited stay without a result. */
    public void finishRound(Viewer viewer, long id) {
        RoundRow r = ownRound(viewer, id);
        jdbc.sql("UPDATE inspection_round SET state = 'FINISHED', finished_at = ? WHERE id = ?")
                .params(Timestamps.of(clock.instant()), r.id()).update();
    }

    private RoundRow ownRound(Viewer viewer, long id) {
        RoundRow r = visibleRound(viewer, id, true);
        if (r.inspector() != viewer.accountId()) {
            throw new NotFoundException("inspectionRound", id);
        }
        if (!r.open()) {
            throw new RuleViolation("inspection.roundFinished");
        }
        return r;
    }

    // — recording a room —

    /**
     * Records one room of the round: its defects (each an active rubric item with a deduction from 1 up to
     * the item's maximum), photos and a note. Opens a rectification when there are defects and registers a
     * repair request for each defect that needs a repair.
     */
    public InspectionViews.Recorded record(Viewer viewer, long roundId, Long roomId, InspectionViews.RoomRecord record,
                                           List<Photo> photos) {
        RoundRow round = ownRound(viewer, roundId);
        Fields f = new Fields();
        InspectionViews.RoundRoom room = null;
        if (roomId == null) {
            f.add("roomId", "field.required");
        } else {
            room = jdbc.sql("SELECT room_id, floor_number, room_number FROM inspection_round_room WHERE round_id = ? AND room_id = ?")
                    .params(roundId, roomId)
                    .query((rs, n) -> new InspectionViews.RoundRoom(rs.getLong(1), rs.getInt(2), rs.getString(3), null, null, 0))
                    .optional().orElse(null);
            if (room == null) {
                f.add("roomId", "inspection.unknownRoom");
            } else if (jdbc.sql("SELECT count(*) FROM room_inspection WHERE round_id = ? AND room_id = ?").params(roundId, roomId)
                    .query(Long.class).single() > 0) {
                throw new RuleViolation("inspection.alreadyRecorded", room.number());
            }
        }
        String note = f.text(record.note(), "note", NOTE_MAX, false);
        Map<Long, InspectionViews.Item> items = rubric.all(true).stream()
                .collect(Collectors.toMap(InspectionViews.Item::id, Function.identity()));
        record Found(InspectionViews.Item item, int deduction, String note) {
        }
        List<Found> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (InspectionViews.DefectEntry entry : record.defects() == null ? List.<InspectionViews.DefectEntry>of() : record.defects()) {
            InspectionViews.Item item = entry.itemId() == null ? null : items.get(entry.itemId());
            if (item == null) {
                f.add("items", "inspection.unknownItem", entry.itemId() == null ? "—" : entry.itemId());
                continue;
            }
            if (!seen.add(item.id())) {
                f.add("items", "inspection.duplicateItem", item.text());
                continue;
            }
            String field = "deduction." + item.id();
            Integer deduction = null;
            if (entry.deduction() == null || entry.deduction().isBlank()) {
                deduction = item.maxDeduction();
            } else {
                try {
                    deduction = Integer.parseInt(entry.deduction().strip());
                    if (deduction > item.maxDeduction()) {
                        f.add(field, "inspection.deductionAboveMax", item.text(), item.maxDeduction());
                        deduction = null;
                    } else if (deduction < 1) {
                        f.add(field, "inspection.deductionBelowOne");
                        deduction = null;
                    }
                } catch (NumberFormatException e) {
                    f.add(field, "inspection.notANumber");
                }
            }
            String defectNote = f.text(entry.note(), "note." + item.id(), DEFECT_NOTE_MAX, false);
            if (deduction != null) {
                found.add(new Found(item, deduction, defectNote));
            }
        }
        List<Photo> pictures = photos == null ? List.of() : photos;
        try {
            Photo.check(pictures, properties.maxPhotos(), properties.maxPhotoBytes());
        } catch (InvalidInput invalid) {
            invalid.problems().forEach(p -> f.add(p.field(), p.code(), p.args()));
        }
        f.check();

        int score = Math.max(0, FULL_SCORE - found.stream().mapToInt(Found::deduction).sum());
        List<Long> residents = residence.occupantsOf(room.roomId());
        Long college = collegeOf(residents);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO room_inspection (round_id, room_id, building_id, floor_number, room_number, college_id, held_on, score,
                                                     note, inspector_account_id, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(roundId, room.roomId(), round.buildingId(), room.floor(), room.number(), college, round.heldOn(), score,
                        note == null ? "" : note, viewer.accountId(), Timestamps.of(clock.instant()))
                .update(key, "id");
        long inspectionId = key.getKeyAs(Long.class);
        for (Photo photo : pictures) {
            jdbc.sql("INSERT INTO inspection_photo (inspection_id, content_type, size, data) VALUES (?, ?, ?, ?)")
                    .params(inspectionId, photo.contentType(), photo.data().length, photo.data()).update();
        }
        String building = residence.buildingNames().get(round.buildingId());
        List<String> repairRequests = new ArrayList<>();
        for (Found d : found) {
            KeyHolder defectKey = new GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO inspection_defect (inspection_id, item_id, area, kind, item_text, max_deduction, deduction, note)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(inspectionId, d.item().id(), d.item().area().name(), d.item().kind().name(), d.item().text(),
                            d.item().maxDeduction(), d.deduction(), d.note() == null ? "" : d.note())
                    .update(defectKey, "id");
            long defectId = defectKey.getKeyAs(Long.class);
            if (d.item().kind() == DefectKind.NEEDS_REPAIR && !residents.isEmpty()) {
                TicketViews.Submitted request = repairRequest(round, building, room, residents.get(0), d.item(), d.note());
                jdbc.sql("UPDATE inspection_defect SET ticket_id = ?, ticket_number = ? WHERE id = ?")
                        .params(request.id(), request.number(), defectId).update();
                repairRequests.add(request.number());
            }
        }
        if (!found.isEmpty()) {
            jdbc.sql("INSERT INTO rectification (inspection_id, due_on, state) VALUES (?, ?, 'OPEN')")
                    .params(inspectionId, round.heldOn().plusDays(properties.rectificationDays())).update();
            Set<Long> told = new HashSet<>();
            residents.forEach(s -> accounts.ofStudent(s).ifPresent(told::add));
            if (!told.isEmpty()) {
                events.publishEvent(new Notice("inspection-result-" + inspectionId, told, "inspection.notice.defects",
                        List.of(building + " " + room.number(), String.valueOf(score)), "/inspections/my-room"));
            }
        }
        return new InspectionViews.Recorded(inspectionId, score, repairRequests);
    }

    /** The college most of the room's residents study in (for rankings by college), or null for an empty room. */
    private Long collegeOf(List<Long> residents) {
        return residents.stream().map(people::enrolment).flatMap(Optional::stream).map(Enrolment::collegeId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream()
                .max(Comparator.comparing((Map.Entry<Long, Long> e) -> e.getValue()).thenComparing(e -> -e.getKey()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /**
     * Registers the repair request of a defect for a resident of the room, its first-inquiry owner the
     * round's supervising staff (the committee's advisor, or the building manager who did the round).
     */
    private TicketViews.Submitted repairRequest(RoundRow round, String building, InspectionViews.RoundRoom room, long resident,
                                                InspectionViews.Item item, String note) {
        Account supervisor = accounts.get(round.supervisor());
        Viewer registrar = new Viewer(supervisor.id(), supervisor.username(), supervisor.displayName(), supervisor.roles(),
                supervisor.studentId(), supervisor.staffId(), supervisor.departmentId());
        if (!Tickets.mayRegister(registrar)) {
            throw new RuleViolation("inspection.supervisorCannotRegister", supervisor.displayName());
        }
        StudentSummary student = people.student(resident).orElseThrow(() -> new NotFoundException("student", resident));
        String text = messages.getMessage("inspection.repairText", new Object[] {building, room.number(), item.text(),
                note == null ? "" : "（" + note + "）"}, Locale.SIMPLIFIED_CHINESE);
        Category.Subcategory sub = item.repairSubcategory() == null ? Category.Subcategory.OTHER
                : Category.Subcategory.valueOf(item.repairSubcategory());
        return tickets.register(registrar, new Tickets.Registration(student.studentNumber(), Channel.INSPECTION,
                new Tickets.Submission(Category.REPAIRS, sub, false, text, null, null), false, null), List.of(), supervisor.id());
    }

    // — results —

    /** One room's result; 404 unless the viewer may see it (a resident sees only their own room's). */
    @Transactional(readOnly = true)
    public InspectionViews.Result result(Viewer viewer, long inspectionId) {
        Map<String, Object> params = InspectionScope.params();
        String condition = scope.reach(viewer).resultCondition(params);
        params.put("id", inspectionId);
        List<InspectionViews.Result> found = results(viewer, "ri.id = :id AND " + condition, params);
        if (found.isEmpty()) {
            throw new NotFoundException("inspection", inspectionId);
        }
        return found.get(0);
    }

    /** The results of the resident's own room, newest first; 404 for someone who has no bed. */
    @Transactional(readOnly = true)
    public List<InspectionViews.Result> myRoom(Viewer viewer) {
        Long room = viewer.studentId() == null ? null
                : residence.placeOf(viewer.studentId()).map(p -> p.roomId()).orElse(null);
        if (room == null) {
            throw new NotFoundException("page", "inspections/my-room");
        }
        Map<String, Object> params = InspectionScope.params();
        params.put("room", room);
        return results(viewer, "ri.room_id = :room", params);
    }

    List<InspectionViews.Result> results(Viewer viewer, String condition, Map<String, Object> params) {
        record Head(long id, long roundId, long roomId, long buildingId, int floor, String room, LocalDate heldOn, int score,
                    String note, long inspector, long supervisor) {
        }
        List<Head> heads = jdbc.sql("""
                        SELECT ri.id, ri.round_id, ri.room_id, ri.building_id, ri.floor_number, ri.room_number, ri.held_on, ri.score,
                               ri.note, ri.inspector_account_id, r.supervisor_account_id
                        FROM room_inspection ri JOIN inspection_round r ON r.id = ri.round_id
                        WHERE %s ORDER BY ri.held_on DESC, ri.id DESC LIMIT 100""".formatted(condition))
                .params(params)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getInt(8), rs.getString(9), rs.getLong(10), rs.getLong(11)))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, String> buildings = residence.buildingNames();
        Map<Long, String> inspectors = accounts.names(heads.stream().map(Head::inspector).collect(Collectors.toSet()));
        LocalDate today = CampusTime.today(clock);
        Long myRoom = viewer.studentId() == null ? null
                : residence.placeOf(viewer.studentId()).map(p -> p.roomId()).orElse(null);
        List<InspectionViews.Result> results = new ArrayList<>();
        for (Head h : heads) {
            List<Object[]> appealRows = jdbc.sql("""
                            SELECT a.id, a.defect_id, d.item_text, d.deduction, a.student_id, a.reason, a.state, a.filed_at, a.decision_note
                            FROM inspection_appeal a JOIN inspection_defect d ON d.id = a.defect_id WHERE a.inspection_id = ? ORDER BY a.id""")
                    .param(h.id())
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class).toInstant(), rs.getString(9)})
                    .list();
            Map<Long, StudentSummary> students = people.summaries(appealRows.stream().map(a -> (Long) a[4]).collect(Collectors.toSet()));
            List<InspectionViews.Appeal> appeals = appealRows.stream().map(a -> new InspectionViews.Appeal((Long) a[0], (Long) a[1],
                    (String) a[2], (Integer) a[3], Optional.ofNullable(students.get((Long) a[4])).map(StudentSummary::name).orElse("—"),
                    (String) a[5], (String) a[6], (java.time.Instant) a[7], (String) a[8])).toList();
            Set<Long> appealed = appeals.stream().map(InspectionViews.Appeal::defectId).collect(Collectors.toSet());
            LocalDate appealUntil = h.heldOn().plusDays(properties.appealDays());
            boolean resident = myRoom != null && myRoom == h.roomId();
            boolean windowOpen = !today.isAfter(appealUntil);
            List<InspectionViews.Defect> defects = jdbc.sql("""
                            SELECT id, area, kind, item_text, max_deduction, deduction, note, waived, ticket_id, ticket_number
                            FROM inspection_defect WHERE inspection_id = ? ORDER BY id""")
                    .param(h.id())
                    .query((rs, n) -> new InspectionViews.Defect(rs.getLong("id"), InspectionArea.valueOf(rs.getString("area")),
                            DefectKind.valueOf(rs.getString("kind")), rs.getString("item_text"), rs.getInt("max_deduction"),
                            rs.getInt("deduction"), rs.getString("note"), rs.getBoolean("waived"), rs.getObject("ticket_id", Long.class),
                            rs.getString("ticket_number"), false))
                    .list().stream()
                    .map(d -> new InspectionViews.Defect(d.id(), d.area(), d.kind(), d.item(), d.maxDeduction(), d.deduction(), d.note(),
                            d.waived(), d.ticketId(), d.ticketNumber(), resident && windowOpen && !d.waived() && !appealed.contains(d.id())))
                    .toList();
            List<Long> photos = jdbc.sql("SELECT id FROM inspection_photo WHERE inspection_id = ? ORDER BY id").param(h.id())
                    .query(Long.class).list();
            InspectionViews.Rectification rectification = jdbc.sql("""
                            SELECT id, version, due_on, state, failed_checks, last_note FROM rectification WHERE inspection_id = ?""")
                    .param(h.id())
                    .query((rs, n) -> {
                        LocalDate due = rs.getObject("due_on", LocalDate.class);
                        String state = rs.getString("state");
                        return new InspectionViews.Rectification(rs.getLong("id"), h.id(), rs.getInt("version"), due, state,
                                rs.getInt("failed_checks"), rs.getString("last_note"), "OPEN".equals(state) && due.isBefore(today));
                    })
                    .optional().orElse(null);
            boolean decides = mayDecide(viewer, h.buildingId(), h.supervisor());
            boolean reinspects = rectification != null && "OPEN".equals(rectification.state())
                    && (decides || organisations.isInspector(viewer));
            results.add(new InspectionViews.Result(h.id(), h.roundId(), h.roomId(), h.buildingId(), buildings.get(h.buildingId()),
                    h.floor(), h.room(), h.heldOn(), h.score(), h.note(), inspectors.get(h.inspector()), defects, photos,
                    rectification, appeals, appealUntil, resident && windowOpen, decides, reinspects));
        }
        return results;
    }

    /** The building manager, the round's supervising staff (the committee's advisor) and administrators decide. */
    boolean mayDecide(Viewer viewer, long buildingId, long supervisor) {
        return viewer.isAdmin() || viewer.accountId() == supervisor || scope.manages(viewer, buildingId);
    }

    /** A photo of an inspection the viewer may see. */
    @Transactional(readOnly = true)
    public Photo photo(Viewer viewer, long photoId) {
        Long inspection = jdbc.sql("SELECT inspection_id FROM inspection_photo WHERE id = ?").param(photoId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("photo", photoId));
        result(viewer, inspection);
        return jdbc.sql("SELECT content_type, data FROM inspection_photo WHERE id = ?").param(photoId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).single();
    }

    /** Inspection results of an area: rooms inspected and their average score between two days, rooms with an open rectification now. */
    public record AreaResults(long inspections, Double averageScore, long roomsWithOpenRectification) {
    }

    /**
     * Results of inspections in these floors and rooms of a building held from {@code from} to
     * {@code to}, and how many of its rooms have an open rectification: figures only, never which
     * room or what was found. Not narrowed to a viewer: for a module that decides who sees an area's
     * figures (a Party member's zone).
     */
    @Transactional(readOnly = true)
    public AreaResults resultsIn(long buildingId, java.util.Collection<Integer> floors, java.util.Collection<Long> rooms,
                                 LocalDate from, LocalDate to) {
        List<String> places = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!floors.isEmpty()) {
            places.add("ri.floor_number IN (:floors)");
            params.put("floors", List.copyOf(floors));
        }
        if (!rooms.isEmpty()) {
            places.add("ri.room_id IN (:rooms)");
            params.put("rooms", List.copyOf(rooms));
        }
        if (places.isEmpty()) {
            return new AreaResults(0, null, 0);
        }
        params.put("building", buildingId);
        String area = " ri.building_id = :building AND (" + String.join(" OR ", places) + ")";
        params.put("from", from);
        params.put("to", to);
        AreaResults scores = jdbc.sql("SELECT count(*), avg(CAST(ri.score AS DOUBLE PRECISION)) FROM room_inspection ri WHERE"
                        + area + " AND ri.held_on BETWEEN :from AND :to")
                .params(params)
                .query((rs, n) -> new AreaResults(rs.getLong(1), rs.getObject(2) == null ? null : rs.getDouble(2), 0)).single();
        long open = jdbc.sql("""
                        SELECT count(DISTINCT ri.room_id) FROM rectification x JOIN room_inspection ri ON ri.id = x.inspection_id
                        WHERE x.state = 'OPEN' AND""" + area)
                .params(params).query(Long.class).single();
        return new AreaResults(scores.inspections(), scores.averageScore(), open);
    }
}
