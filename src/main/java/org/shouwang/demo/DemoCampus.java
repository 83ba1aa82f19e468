package org.shouwang.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.shouwang.identity.Accounts;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo campus: generated people and residence, plus one account per role of DESIGN §6 tied
 * to fitting people (the counsellor really counsels classes, the building manager manages a
 * building, the floor leader lives on their floor), and an account for every student.
 */
@Component
public class DemoCampus {

    /** Demo usernames and the roles they hold, in the order the start-up banner lists them. */
    public static final Map<String, Set<Role>> ACCOUNTS = accounts();

    private final CampusWriter writer;
    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final DemoCalendar calendar;
    private final DemoResponsibilities responsibilities;
    private final DemoRequests requests;
    private final DemoActivities activities;
    private final org.springframework.beans.factory.ObjectProvider<DemoSection> sections;
    private final org.springframework.security.core.userdetails.UserDetailsService users;
    private final java.time.Clock clock;

    DemoCampus(CampusWriter writer, Accounts accounts, JdbcTemplate jdbc, DemoCalendar calendar,
               DemoResponsibilities responsibilities, DemoRequests requests, DemoActivities activities,
               org.springframework.beans.factory.ObjectProvider<DemoSection> sections, org.springframework.security.core.userdetails.UserDetailsService users,
               java.time.Clock clock) {
        this.clock = clock;
        this.sections = sections;
        this.users = users;
        this.requests = requests;
        this.activities = activities;
        this.calendar = calendar;
        this.responsibilities = responsibilities;
        this.writer = writer;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    public boolean isEmpty() {
        return jdbc.queryForObject("SELECT count(*) FROM college", Long.class) == 0;
    }

    @Transactional
    public void load(int students, long seed, String password, int requestCount, int activityCount) {
        load(students, seed, password, requestCount, activityCount, false);
    }

    /**
     * Loads the demo campus; with {@code academicYear}, also the demo year (see {@link DemoYear}):
     * the term's requests are then all responded to, and the year's requests and activities are
     * added up to the seed's figures.
     */
    @Transactional
    public void load(int students, long seed, String password, int requestCount, int activityCount, boolean academicYear) {
        Campus campus = CampusGenerator.generate(students, seed);
        writer.write(campus);
        Campus.Building first = campus.buildings().get(0);
        Campus.ClassGroup firstClass = campus.classes().get(0);
        // Every building has a building leader (a resident of its ground floor), every floor a floor leader.
        jdbc.update("""
                UPDATE building bu SET leader_student_id = (SELECT min(b.occupant_id) FROM bed b JOIN room r ON r.id = b.room_id
                  JOIN floor f ON f.id = r.floor_id WHERE f.building_id = bu.id AND f.number = 1)""");
        jdbc.update("""
                UPDATE floor f SET leader_student_id = (SELECT max(b.occupant_id) FROM bed b JOIN room r ON r.id = b.room_id
                  WHERE r.floor_id = f.id)""");
        long buildingId = id("SELECT id FROM building WHERE code = ?", first.code());
        long leader = id("SELECT leader_student_id FROM building WHERE id = ?", buildingId);
        long floorLeader = id("SELECT leader_student_id FROM floor WHERE building_id = ? AND number = 3", buildingId);
        long student = id("""
                SELECT min(s.id) FROM student s JOIN class_group c ON c.id = s.class_id
                WHERE c.code = ? AND s.id IN (SELECT occupant_id FROM bed)
                  AND s.id NOT IN (SELECT leader_student_id FROM floor WHERE leader_student_id IS NOT NULL)
                  AND s.id NOT IN (SELECT leader_student_id FROM building WHERE leader_student_id IS NOT NULL)""",
                firstClass.code());
        String hash = accounts.hash(password);
        Long handlerDept = id("SELECT id FROM department WHERE code = 'HQ'");
        Long psychDept = id("SELECT id FROM department WHERE code = 'XL'");

        staffAccount("admin", "系统管理员", null, null, hash);
        staffAccount("leader", "校领导", null, null, hash);
        staffAccount("counsellor", null, firstClass.counsellorNumber(), null, hash);
        staffAccount("headteacher", null, firstClass.headTeacherNumber(), null, hash);
        staffAccount("manager", null, first.managerNumber(), null, hash);
        staffAccount("handler", null, staffOf("HQ", 1), handlerDept, hash);
        staffAccount("dispatch", "社区服务中心调度台", staffOf("SQ", 1), null, hash);
        staffAccount("psych", null, staffOf("XL", 0), psychDept, hash);
        staffAccount("depthead", null, staffOf("HQ", 0), handlerDept, hash);
        staffAccount("affairs", null, staffOf("XGB", 0), null, hash);
        staffAccount("studio", null, staffOf("XGB", 1), null, hash);
        staffAccount("party", null, staffOf("XGB", 2), null, hash);
        studentAccount("student", student, hash);
        studentAccount("buildingleader", leader, hash);
        studentAccount("floorleader", floorLeader, hash);
        studentAccount("inspector", id("""
                SELECT min(b.occupant_id) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                WHERE f.building_id = ? AND f.number = 2 AND b.occupant_id <> ?
                  AND b.occupant_id NOT IN (SELECT leader_student_id FROM floor WHERE leader_student_id IS NOT NULL)""",
                buildingId, student), hash);
        staffAccount("police", "社区警务室 王警官", null, null, hash);

        accounts.openStudentAccounts(null, password);
        Viewer admin = viewer("admin");
        calendar.load(admin);
        responsibilities.load(admin);
        for (String department : List.of("JWC", "JY", "ZZ", "BW", "SQ")) {
            Long departmentId = id("SELECT id FROM department WHERE code = ?", department);
            String number = staffOf(department, 2);
            Long staffId = id("SELECT id FROM staff WHERE staff_number = ?", number);
            accounts.createQuietly("handler-" + department.toLowerCase(java.util.Locale.ROOT), hash,
                    jdbc.queryForObject("SELECT name FROM staff WHERE id = ?", String.class, staffId), null, staffId, departmentId,
                    EnumSet.of(Role.DEPARTMENT_HANDLER));
        }
        requests.load(requestCount, seed, 8, academicYear);
        activities.load(activityCount, seed, 12);
        if (academicYear) {
            DemoYear year = DemoYear.endingToday(clock);
            requests.loadYear(year, seed);
            activities.loadYear(year, seed);
        }
        jdbc.query("SELECT leader_student_id FROM building WHERE leader_student_id IS NOT NULL",
                rs -> { accounts.setLeaderRole(rs.getLong(1), Role.BUILDING_LEADER, true); });
        jdbc.query("SELECT leader_student_id FROM floor WHERE leader_student_id IS NOT NULL",
                rs -> { accounts.setLeaderRole(rs.getLong(1), Role.FLOOR_LEADER, true); });
        DemoSection.Context context = new DemoSection.Context(seed, students < 1000, this);
        sections.orderedStream().forEach(section -> section.load(context));
        if (academicYear) {
            requests.respondToAll(DemoYear.endingToday(clock));
        }
    }

    /** A demo account as the viewer it signs in as, with its person and department. */
    Viewer viewerOf(String username) {
        return ((Viewer.Principal) users.loadUserByUsername(username)).viewer();
    }

    /** The demo administrator, as the one who set up the calendar and the list. */
    private Viewer viewer(String username) {
        long id = id("SELECT id FROM account WHERE username = ?", username);
        return new Viewer(id, username, username, ACCOUNTS.get(username), null, null, null);
    }

    private void staffAccount(String username, String displayName, String staffNumber, Long departmentId, String passwordHash) {
        Long staffId = staffNumber == null ? null : id("SELECT id FROM staff WHERE staff_number = ?", staffNumber);
        String name = displayName != null ? displayName
                : jdbc.queryForObject("SELECT name FROM staff WHERE id = ?", String.class, staffId);
        accounts.createQuietly(username, passwordHash, name, null, staffId, departmentId, ACCOUNTS.get(username));
    }

    private void studentAccount(String username, long studentId, String passwordHash) {
        String name = jdbc.queryForObject("SELECT name FROM student WHERE id = ?", String.class, studentId);
        accounts.createQuietly(username, passwordHash, name, studentId, null, null, ACCOUNTS.get(username));
    }

    private String staffOf(String department, int index) {
        return jdbc.queryForList("""
                SELECT s.staff_number FROM staff s JOIN department d ON d.id = s.department_id
                WHERE d.code = ? ORDER BY s.staff_number""", String.class, department).get(index);
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static Map<String, Set<Role>> accounts() {
        Map<String, Set<Role>> accounts = new LinkedHashMap<>();
        accounts.put("admin", EnumSet.of(Role.ADMIN));
        accounts.put("leader", EnumSet.of(Role.LEADER));
        accounts.put("counsellor", EnumSet.of(Role.COUNSELLOR));
        accounts.put("headteacher", EnumSet.of(Role.HEAD_TEACHER));
        accounts.put("manager", EnumSet.of(Role.BUILDING_MANAGER));
        accounts.put("handler", EnumSet.of(Role.DEPARTMENT_HANDLER));
        accounts.put("depthead", EnumSet.of(Role.DEPARTMENT_HEAD));
        accounts.put("affairs", EnumSet.of(Role.STUDENT_AFFAIRS));
        accounts.put("dispatch", EnumSet.of(Role.DISPATCH_DESK));
        accounts.put("psych", EnumSet.of(Role.PSYCHOLOGY_CENTRE));
        accounts.put("studio", EnumSet.of(Role.STUDIO_STAFF));
        accounts.put("party", EnumSet.of(Role.PARTY_SECRETARY));
        accounts.put("police", EnumSet.of(Role.POLICE_OFFICER));
        accounts.put("student", EnumSet.of(Role.STUDENT));
        accounts.put("buildingleader", EnumSet.of(Role.STUDENT, Role.BUILDING_LEADER));
        accounts.put("floorleader", EnumSet.of(Role.STUDENT, Role.FLOOR_LEADER));
        accounts.put("inspector", EnumSet.of(Role.STUDENT));
        return java.util.Collections.unmodifiableMap(accounts);
    }
}
