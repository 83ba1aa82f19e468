package org.shouwang.identity.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.identity.PersonDirectory;
import org.shouwang.shared.Page;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Accounts (admin)", description = "Accounts, roles, locks, passwords and the audit log; administrators only")
class AccountsApi {

    private final Accounts accounts;
    private final AuditLog audit;

    AccountsApi(Accounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    record Opened(int opened) {
    }

    @GetMapping("/accounts")
    @Operation(summary = "Search accounts by username or display name, optionally holding a role")
    Page<Account> search(@RequestParam(defaultValue = "") @Size(max = 64) String q,
                         @RequestParam(required = false) Role role,
                         @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "30") @Min(1) @Max(200) int size) {
        return accounts.search(q, role, page, size);
    }

    @GetMapping("/accounts/{id}")
    @Operation(summary = "One account")
    Account account(@PathVariable long id) {
        return accounts.get(id);
    }

    @PostMapping("/accounts")
    @Operation(summary = "Open an account; its owner must change the initial password at the first sign-in (audited)")
    ResponseEntity<Account> create(Viewer admin, @Validated @RequestBody NewAccount body) {
        Account created = accounts.create(admin, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + created.id())).body(created);
    }

    @PutMapping("/accounts/{id}")
    @Operation(summary = "Change display name, roles, department and whether the account is enabled (audited)")
    Account update(Viewer admin, @PathVariable long id, @Validated @RequestBody AccountChanges body) {
        return accounts.update(admin, id, body.changes());
    }

    @PostMapping("/accounts/{id}/unlock")
    @Operation(summary = "Unlock an account locked by failed sign-ins (audited)")
    ResponseEntity<Void> unlock(Viewer admin, @PathVariable long id) {
        accounts.unlock(admin, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/accounts/{id}/password")
    @Operation(summary = "Give an account a new password, to be changed at the next sign-in; also unlocks it (audited)")
    ResponseEntity<Void> resetPassword(Viewer admin, @PathVariable long id, @Validated @RequestBody PasswordReset body) {
        accounts.resetPassword(admin, id, body.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/accounts/students")
    @Operation(summary = "Open an account (username = student number) for every student who has none (audited)")
    Opened openStudentAccounts(Viewer admin, @Validated @RequestBody StudentAccountsOpening body) {
        return new Opened(accounts.openStudentAccounts(admin, body.initialPassword()));
    }

    @GetMapping("/departments")
    @Operation(summary = "The departments an account may belong to")
    List<PersonDirectory.Department> departments() {
        return accounts.departments();
    }

    @GetMapping("/audit")
    @Operation(summary = "Audit log entries, newest first: text anywhere, actor, and a range of days (inclusive)")
    Page<AuditLog.Entry> audit(@RequestParam(defaultValue = "") @Size(max = 100) String q,
                               @RequestParam(defaultValue = "") @Size(max = 64) String actor,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return audit.search(new AuditLog.Query(q, actor, from, to), page, size);
    }
}
