package org.shouwang.identity.web;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.shouwang.identity.Accounts;
import org.shouwang.shared.Role;

/**
 * An account an administrator opens. With a student or staff number the account stands for that
 * person and the display name may stay empty (the person's name is taken).
 */
record NewAccount(
        @NotBlank(message = "{account.username.required}")
        @Size(max = 64, message = "{account.username.size}")
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{account.username.pattern}") String username,
        @Size(max = 64, message = "{account.displayName.size}") String displayName,
        @Size(max = 32, message = "{account.personNumber.size}") String personNumber,
        @NotEmpty(message = "{account.noRole}") Set<Role> roles,
        Long departmentId,
        @StrongPassword String initialPassword) {

    static NewAccount empty() {
        return new NewAccount("", "", "", Set.of(), null, "");
    }

    Accounts.Draft draft() {
        return new Accounts.Draft(username.trim(), displayName == null ? null : displayName.trim(),
                personNumber == null ? null : personNumber.trim(), roles, departmentId, initialPassword);
    }
}
