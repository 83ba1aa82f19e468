package org.shouwang.insights;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.identity.PersonDirectory;
import org.shouwang.shared.FormValues;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account list of /admin/accounts and the audit log of /admin/audit as xlsx, for administrators
 * only (anyone else 404): the same {@link Accounts#search} and {@link AuditLog#search} with the
 * page's filters, every page. Accounts: username, name, roles, department, status, created — never a
 * password hash nor a person's number. Audit: free text (the detail) with phone and ID-card numbers masked.
 */
@Service
public class ExportAccounts {

    /** Rows read per query while a list is gathered. */
    static final int BATCH = 500;

    private final Accounts accounts;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    ExportAccounts(Accounts accounts, AuditLog audit, MessageSource messages, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    // — accounts —

    /** What the page finds for this search and role (an unknown role is ignored), every page; the export is audited. */
    @Transactional
    public Listed accounts(Viewer viewer, String q, String role) {
        adminOnly(viewer, "accounts");
        String text = q == null ? "" : q.length() > 64 ? q.substring(0, 64) : q;
        Role chosen = FormValues.filter(Role.class, role);
        List<Account> all = ExportRows.all(BATCH, n -> accounts.search(text, chosen, n, BATCH));
        audit.record(viewer, "export.accounts", "export", null, all.size() + " rows; q=" + text + (chosen == null ? "" : "; role " + chosen));
        Map<Long, String> departments = accounts.departments().stream()
                .collect(Collectors.toMap(PersonDirectory.Department::id, PersonDirectory.Department::name, (a, b) -> a));
        return new Listed(all, departments);
    }

    /** The accounts found, with the names of the departments they may belong to (all read before the export is written). */
    public record Listed(List<Account> accounts, Map<Long, String> departments) {
    }

    public void writeAccounts(Listed listed, Locale locale, OutputStream out) {
        Map<Long, String> departments = listed.departments();
        Instant now = clock.instant();
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.accounts", "export.accounts.", "username", "name", "roles", "department",
                "status", "mustChangePassword", "createdAt").width(0, 18).width(2, 36).width(3, 24);
        for (Account a : listed.accounts()) {
            String roles = a.roles().stream().sorted().map(r -> book.text("role." + r)).collect(Collectors.joining("、"));
            String status = !a.enabled() ? "account.disabled" : a.lockedAt(now) ? "account.locked" : "account.enabled";
            sheet.row(a.username(), a.displayName(), roles, a.departmentId() == null ? "" : departments.getOrDefault(a.departmentId(), ""),
                    book.text(status), a.mustChangePassword(), a.createdAt());
        }
        book.finish();
    }

    // — the audit log —

    // The entries of /admin/audit for this search, actor and period (dates yyyy-MM-dd, inclusive; a malformed one is a
    // field error, 400), newest first, every page; the export itself is audited.
    @Transactional
    public List<AuditLog.Entry> audit(Viewer viewer, String q, String actor, String from, String to) {
        adminOnly(viewer, "audit");
        org.shouwang.shared.Fields fields = new org.shouwang.shared.Fields();
        var start = fields.date(from, "from");
        var end = fields.date(to, "to");
        fields.check();
        String text = q == null ? "" : q.length() > 100 ? q.substring(0, 100) : q;
        String who = actor == null ? "" : actor.length() > 64 ? actor.substring(0, 64) : actor;
        AuditLog.Query query = new AuditLog.Query(text, who, start, end);
        List<AuditLog.Entry> all = ExportRows.all(BATCH, n -> audit.search(query, n, BATCH));
        audit.record(viewer, "export.audit", "export", null, all.size() + " rows; q=" + text + "; actor=" + who + "; " + start + " – " + end);
        return all;
    }

    public void writeAudit(List<AuditLog.Entry> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.audit", "export.audit.", "at", "actor", "action", "targetType", "targetId",
                "detail").width(0, 18).width(2, 24).width(5, 60);
        for (AuditLog.Entry e : rows) {
            sheet.row(e.at(), e.actor(), messages.getMessage("audit.action." + e.action(), null, e.action(), locale),
                    e.targetType(), ExportRequests.mask(e.targetId()), ExportRequests.mask(e.detail()));
        }
        book.finish();
    }

    static void adminOnly(Viewer viewer, String what) {
        if (viewer == null || !viewer.isAdmin()) {
            throw new NotFoundException("page", what);
        }
    }
}
