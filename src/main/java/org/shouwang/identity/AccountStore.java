package org.shouwang.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.shouwang.shared.Page;
import org.shouwang.shared.Role;
import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountStore {

    private static final String COLUMNS = """
            id, username, password_hash, display_name, student_id, staff_id, department_id, enabled,
            must_change_password, failed_logins, locked_until, created_at""";
    private static final String ACCOUNT_COLUMNS = Arrays.stream(COLUMNS.split(","))
            .map(column -> "a." + column.strip()).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(Account account, String passwordHash) {
    }

    /** The account behind a presented access token, and when the token was last used. */
    record Bearer(Row row, Instant tokenUsedAt) {
    }

    /**
     * The account holding an active token, with its roles and the token's last use, in one
     * statement: every API call asks it.
     */
    Optional<Bearer> byActiveToken(String tokenHash, Instant now) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<Bearer> rows = jdbc.sql("SELECT " + ACCOUNT_COLUMNS + ", t.last_used_at AS token_used_at, r.role"
                        + " FROM access_token t JOIN account a ON a.id = t.account_id"
                        + " LEFT JOIN account_role r ON r.account_id = a.id"
                        + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)")
                .params(tokenHash, Timestamps.of(now))
                .query((rs, n) -> {
                    String role = rs.getString("role");
                    if (role != null) {
                        roles.add(Role.valueOf(role));
                    }
                    return new Bearer(row(rs, n), Timestamps.read(rs, "token_used_at"));
                })
                .list();
        return rows.stream().findFirst().map(b -> new Bearer(withRoles(b.row(), roles), b.tokenUsedAt()));
    }

    Optional<Row> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE username = ?").param(username)
                .query(this::row).optional().map(this::withRoles);
    }

    java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, display_name FROM account WHERE id IN (:ids)").param("ids", Set.copyOf(ids))
                    .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();
        }
        return names;
    }

    Optional<Row> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?").param(id)
                .query(this::row).optional().map(this::withRoles);
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM account WHERE username = ?").param(username).query(Long.class).single() > 0;
    }

    boolean personTaken(Long studentId, Long staffId) {
        return jdbc.sql("SELECT count(*) FROM account WHERE student_id = ? OR staff_id = ?")
                .params(studentId, staffId).query(Long.class).single() > 0;
    }

    Page<Account> search(String q, Role role, int page, int size) {
        String like = contains(q);
        String where = """
                WHERE (username ILIKE :q ESCAPE '\\' OR display_name ILIKE :q ESCAPE '\\')
                  AND (CAST(:role AS VARCHAR) IS NULL OR id IN (SELECT account_id FROM account_role WHERE role = :role))""";
        String roleName = role == null ? null : role.name();
        long total = jdbc.sql("SELECT count(*) FROM account " + where).param("q", like).param("role", roleName)
                .query(Long.class).single();
        List<Account> accounts = jdbc.sql("SELECT " + COLUMNS + " FROM account " + where + " ORDER BY username LIMIT :size OFFSET :offset")
                .param("q", like).param("role", roleName).param("size", size).param("offset", page * size)
                .query(this::row).list().stream().map(r -> withRoles(r).account()).toList();
        return new Page<>(accounts, page, size, total);
    }

    long insert(String username, String passwordHash, String displayName, Long studentId, Long staffId,
                Long departmentId, boolean mustChangePassword, Instant now) {
        jdbc.sql("""
                        INSERT INTO account (username, password_hash, display_name, student_id, staff_id, department_id,
                                             must_change_password, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(username, passwordHash, displayName, studentId, staffId, departmentId, mustChangePassword, Timestamps.of(now))
                .update();
        return jdbc.sql("SELECT id FROM account WHERE username = ?").param(username).query(Long.class).single();
    }

    Set<Long> holding(Role role, Long departmentId) {
        return new HashSet<>(jdbc.sql("""
                        SELECT a.id FROM account a JOIN account_role r ON r.account_id = a.id
                        WHERE r.role = :role AND a.enabled AND (CAST(:department AS BIGINT) IS NULL OR a.department_id = :department)""")
                .param("role", role.name()).param("department", departmentId).query(Long.class).list());
    }

    Optional<Long> ofStudent(long studentId) {
        return jdbc.sql("SELECT id FROM account WHERE student_id = ? AND enabled").param(studentId).query(Long.class).optional();
    }

    void replaceRoles(long accountId, Set<Role> roles) {
        jdbc.sql("DELETE FROM account_role WHERE account_id = ?").param(accountId).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, ?)").params(accountId, role.name()).update();
        }
    }

    void update(long id, String displayName, Long departmentId, boolean enabled) {
        jdbc.sql("UPDATE account SET display_name = ?, department_id = ?, enabled = ? WHERE id = ?")
                .params(displayName, departmentId, enabled, id).update();
    }

    void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("UPDATE account SET password_hash = ?, must_change_password = ? WHERE id = ?")
                .params(hash, mustChange, id).update();
    }

    /**
     * Counts a failed login and locks the account once the count reaches the limit; one statement,
     * so racing attempts all count. The first failure after a lock has run out starts a new count.
     */
    void recordFailedLogin(String username, int limit, Instant now, Instant lockUntil) {
        jdbc.sql("""
                        UPDATE account SET
                               failed_logins = CASE WHEN locked_until <= :now THEN 1 ELSE failed_logins + 1 END,
                               locked_until = CASE
                                   WHEN (CASE WHEN locked_until <= :now THEN 1 ELSE failed_logins + 1 END) >= :limit THEN :lockUntil
                                   WHEN locked_until <= :now THEN NULL
                                   ELSE locked_until END
                        WHERE username = :username""")
                .param("now", Timestamps.of(now)).param("limit", limit).param("lockUntil", Timestamps.of(lockUntil)).param("username", username)
                .update();
    }

    void recordSuccessfulLogin(String username) {
        jdbc.sql("UPDATE account SET failed_logins = 0, locked_until = NULL WHERE username = ? AND failed_logins > 0")
                .param(username).update();
    }

    void unlock(long id) {
        jdbc.sql("UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    Set<String> usernames() {
        return Set.copyOf(jdbc.sql("SELECT username FROM account").query(String.class).list());
    }

    Set<Long> studentsWithAccounts() {
        return Set.copyOf(jdbc.sql("SELECT student_id FROM account WHERE student_id IS NOT NULL").query(Long.class).list());
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Account account = new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Set.of(), rs.getObject("student_id", Long.class), rs.getObject("staff_id", Long.class),
                rs.getObject("department_id", Long.class), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), rs.getInt("failed_logins"),
                Timestamps.read(rs, "locked_until"), Timestamps.read(rs, "created_at"));
        return new Row(account, rs.getString("password_hash"));
    }

    private Row withRoles(Row row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(jdbc.sql("SELECT role FROM account_role WHERE account_id = ?").param(row.account().id())
                .query((rs, n) -> Role.valueOf(rs.getString(1))).list());
        return withRoles(row, roles);
    }

    private static Row withRoles(Row row, Set<Role> roles) {
        Account a = row.account();
        return new Row(new Account(a.id(), a.username(), a.displayName(), roles, a.studentId(), a.staffId(),
                a.departmentId(), a.enabled(), a.mustChangePassword(), a.failedLogins(), a.lockedUntil(), a.createdAt()),
                row.passwordHash());
    }

    /** A pattern for {@code LIKE … ESCAPE '\'} that finds the text anywhere, wildcards in it taken literally. */
    static String contains(String text) {
        String plain = text == null ? "" : text.trim();
        return "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }


}
