package org.shouwang.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Page;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Accounts, their roles and passwords. Writes by administrators are audited. */
@Service
public class Accounts {

    private final AccountStore store;
    private final PersonDirectory people;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Accounts(AccountStore store, PersonDirectory people, PasswordEncoder passwords, AuditLog audit,
             JdbcTemplate jdbc, Clock clock) {
        this.store = store;
        this.people = people;
        this.passwords = passwords;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What an administrator fills in to open an account.
     *
     * @param personNumber the student or staff number of the person it stands for, or blank for a
     *                     service account such as the dispatch desk
     */
    public record Draft(String username, String displayName, String personNumber, Set<Role> roles,
                        Long departmentId, String initialPassword) {
    }

    @Transactional
    public Account create(Viewer admin, Draft draft) {
        if (store.usernameTaken(draft.username())) {
            throw new RuleViolation("account.usernameTaken", draft.username());
        }
        Long studentId = null;
        Long staffId = null;
        Long departmentId = draft.departmentId();
        String displayName = draft.displayName();
        if (draft.personNumber() != null && !draft.personNumber().isBlank()) {
            PersonDirectory.Person person = people.findByNumber(draft.personNumber().trim())
                    .orElseThrow(() -> new RuleViolation("account.unknownPerson", draft.personNumber()));
            if (store.personTaken(person.studentId(), person.staffId())) {
                throw new RuleViolation("account.personHasAccount", draft.personNumber());
            }
            studentId = person.studentId();
            staffId = person.staffId();
            departmentId = departmentId != null ? departmentId : person.departmentId();
            displayName = displayName == null || displayName.isBlank() ? person.name() : displayName;
        }
        if (displayName == null || displayName.isBlank()) {
            throw new RuleViolation("account.displayNameRequired");
        }
        checkRoles(draft.roles(), studentId, departmentId);
        checkDepartment(departmentId);
        long id = store.insert(draft.username(), passwords.encode(draft.initialPassword()), displayName, studentId,
                staffId, departmentId, true, clock.instant());
        store.replaceRoles(id, draft.roles());
        audit.record(admin, "account.create", "account", id, draft.username() + " " + draft.roles());
        return get(id);
    }

    /** A password's hash, for {@link #createQuietly}: many demo accounts share one password and one slow hash. */
    public String hash(String password) {
        return passwords.encode(password);
    }

    /** Opens accounts, without auditing, for the demo campus and tests; passwords need no change. */
    @Transactional
    public long createQuietly(String username, String passwordHash, String displayName, Long studentId, Long staffId,
                              Long departmentId, Set<Role> roles) {
        long id = store.insert(username, passwordHash, displayName, studentId, staffId, departmentId,
                false, clock.instant());
        store.replaceRoles(id, roles);
        return id;
    }

    public record StudentLogin(long studentId, String studentNumber, String name) {
    }

    /**
     * Opens a student account (username = student number) for each student who has none, all with
     * one initial password that must be changed at first login. A student whose number is already
     * someone's username is left out. Hashes once, inserts in batches.
     */
    @Transactional
    public int openStudentAccounts(Viewer admin, List<StudentLogin> students, String initialPassword) {
        Set<Long> existing = store.studentsWithAccounts();
        Set<String> usernames = store.usernames();
        List<StudentLogin> fresh = students.stream()
                .filter(s -> !existing.contains(s.studentId()) && !usernames.contains(s.studentNumber())).toList();
        String hash = passwords.encode(initialPassword);
        var now = Timestamps.of(clock.instant());
        jdbc.batchUpdate("""
                        INSERT INTO account (username, password_hash, display_name, student_id, must_change_password, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""", fresh, 1000, (ps, s) -> {
            ps.setString(1, s.studentNumber());
            ps.setString(2, hash);
            ps.setString(3, s.name());
            ps.setLong(4, s.studentId());
            ps.setBoolean(5, admin != null);
            ps.setObject(6, now);
        });
        jdbc.batchUpdate("INSERT INTO account_role (account_id, role) SELECT id, 'STUDENT' FROM account WHERE student_id = ?",
                fresh, 1000, (ps, s) -> ps.setLong(1, s.studentId()));
        if (admin != null) {
            audit.record(admin, "account.openStudents", "account", null, fresh.size() + " accounts");
        }
        return fresh.size();
    }

    /** Opens an account for every student of the directory who has none; see {@link #openStudentAccounts(Viewer, List, String)}. */
    @Transactional
    public int openStudentAccounts(Viewer admin, String initialPassword) {
        return openStudentAccounts(admin, people.studentLogins(), initialPassword);
    }

    /** The departments an account may belong to. */
    @Transactional(readOnly = true)
    public List<PersonDirectory.Department> departments() {
        return people.accountDepartments();
    }

    /**
     * Gives or takes a student's leader role (building or floor leader) as their appointment
     * changes; a student without an account is left alone. Takes effect at their next sign-in.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void setLeaderRole(long studentId, Role role, boolean held) {
        if (role != Role.BUILDING_LEADER && role != Role.FLOOR_LEADER) {
            throw new IllegalArgumentException(role + " is not a leader role");
        }
        if (held) {
            jdbc.update("""
                    INSERT INTO account_role (account_id, role) SELECT a.id, ? FROM account a WHERE a.student_id = ?
                       AND NOT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = ?)""",
                    role.name(), studentId, role.name());
        } else {
            jdbc.update("DELETE FROM account_role WHERE role = ? AND account_id IN (SELECT id FROM account WHERE student_id = ?)",
                    role.name(), studentId);
        }
    }

    @Transactional(readOnly = true)
    /** Enabled accounts holding a role, within one department when one is given: whom to tell. */
    public Set<Long> holding(Role role, Long departmentId) {
        return store.holding(role, departmentId);
    }

    /** The enabled account of a student, if one has been opened. */
    public Optional<Long> ofStudent(long studentId) {
        return store.ofStudent(studentId);
    }

    /** An account by its username (staff are named this way on forms: studio members, duty shifts). */
    @Transactional(readOnly = true)
    public Optional<Account> byUsername(String username) {
        return username == null ? Optional.empty() : store.findByUsername(username.strip()).map(AccountStore.Row::account);
    }

    /** Display names of accounts, for lists that show who did what. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        return store.names(ids);
    }

    public Account get(long id) {
        return store.findById(id).map(AccountStore.Row::account).orElseThrow(() -> new NotFoundException("account", id));
    }

    @Transactional(readOnly = true)
    public Page<Account> search(String q, Role role, int page, int size) {
        return store.search(q, role, page, size);
    }

    public record Changes(String displayName, Set<Role> roles, Long departmentId, boolean enabled) {
    }

    @Transactional
    public Account update(Viewer admin, long id, Changes changes) {
        Account account = get(id);
        if (changes.displayName() == null || changes.displayName().isBlank()) {
            throw new RuleViolation("account.displayNameRequired");
        }
        checkRoles(changes.roles(), account.studentId(), changes.departmentId());
        checkDepartment(changes.departmentId());
        if (account.id() == admin.accountId() && (!changes.enabled() || !changes.roles().contains(Role.ADMIN))) {
            throw new RuleViolation("account.cannotDemoteSelf");
        }
        store.update(id, changes.displayName(), changes.departmentId(), changes.enabled());
        store.replaceRoles(id, changes.roles());
        audit.record(admin, "account.update", "account", id,
                "roles " + account.roles() + " -> " + changes.roles() + ", enabled " + changes.enabled());
        return get(id);
    }

    @Transactional
    public void unlock(Viewer admin, long id) {
        get(id);
        store.unlock(id);
        audit.record(admin, "account.unlock", "account", id, null);
    }

    @Transactional
    public void resetPassword(Viewer admin, long id, String newPassword) {
        get(id);
        store.setPassword(id, passwords.encode(newPassword), true);
        store.unlock(id);
        audit.record(admin, "account.resetPassword", "account", id, null);
    }

    @Transactional
    public void changePassword(Viewer self, String currentPassword, String newPassword) {
        AccountStore.Row row = store.findById(self.accountId()).orElseThrow(() -> new NotFoundException("account", self.accountId()));
        if (!passwords.matches(currentPassword, row.passwordHash())) {
            throw new RuleViolation("password.currentWrong");
        }
        if (passwords.matches(newPassword, row.passwordHash())) {
            throw new RuleViolation("password.unchanged");
        }
        store.setPassword(self.accountId(), passwords.encode(newPassword), false);
    }

    private void checkDepartment(Long departmentId) {
        if (departmentId != null && people.accountDepartments().stream().noneMatch(d -> d.id() == departmentId)) {
            throw new RuleViolation("account.unknownDepartment");
        }
    }

    private static void checkRoles(Set<Role> roles, Long studentId, Long departmentId) {
        if (roles == null || roles.isEmpty()) {
            throw new RuleViolation("account.noRole");
        }
        boolean studentRoles = roles.contains(Role.STUDENT) || roles.contains(Role.BUILDING_LEADER) || roles.contains(Role.FLOOR_LEADER);
        if (studentRoles && studentId == null) {
            throw new RuleViolation("account.studentRoleNeedsStudent");
        }
        if (studentId != null && roles.stream().anyMatch(r -> r != Role.STUDENT && r != Role.BUILDING_LEADER && r != Role.FLOOR_LEADER)) {
            throw new RuleViolation("account.staffRoleForStudent");
        }
        if ((roles.contains(Role.DEPARTMENT_HANDLER) || roles.contains(Role.DEPARTMENT_HEAD)) && departmentId == null) {
            throw new RuleViolation("account.handlerNeedsDepartment");
        }
    }
}
