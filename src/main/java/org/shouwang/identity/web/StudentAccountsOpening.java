package org.shouwang.identity.web;

/** Opens an account for every student who has none, all with this initial password. */
record StudentAccountsOpening(@StrongPassword String initialPassword) {
}
