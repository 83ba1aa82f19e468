package org.shouwang.identity.web;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.shared.Role;

/** What an administrator may change on an account. */
record AccountChanges(
        @NotBlank(message = "{account.displayName.required}")
        @Size(max = 64, message = "{account.displayName.size}") String displayName,
        @NotEmpty(message = "{account.noRole}") Set<Role> roles,
        Long departmentId,
        @NotNull(message = "{account.enabled.required}") Boolean enabled) {

    static AccountChanges of(Account account) {
        return new AccountChanges(account.displayName(), account.roles(), account.departmentId(), account.enabled());
    }

    Accounts.Changes changes() {
        return new Accounts.Changes(displayName.trim(), roles, departmentId, enabled);
    }
}
