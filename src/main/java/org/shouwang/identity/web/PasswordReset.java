package org.shouwang.identity.web;

/** The new password an administrator gives an account; its owner must change it at the next sign-in. */
record PasswordReset(@StrongPassword String newPassword) {
}
