package org.shouwang.identity.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.identity.AccessTokens;
import org.shouwang.identity.Accounts;
import org.shouwang.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The caller's own account, password and personal access tokens")
class MeApi {

    private final Accounts accounts;
    private final AccessTokens tokens;

    MeApi(Accounts accounts, AccessTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "The caller's account and roles")
    Me me(Viewer viewer) {
        return Me.of(accounts.get(viewer.accountId()));
    }

    @PostMapping("/password")
    @Operation(summary = "Change the caller's password: the current one, the new one (8–64 characters, letters and digits) twice")
    ResponseEntity<Void> changePassword(Viewer viewer, @Validated @RequestBody PasswordChange body) {
        accounts.changePassword(viewer, body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tokens")
    @Operation(summary = "The caller's personal access tokens (never their secrets), newest first")
    List<AccessTokens.Token> tokens(Viewer viewer) {
        return tokens.of(viewer);
    }

    @PostMapping("/tokens")
    @Operation(summary = "Create a personal access token; the answer holds its secret, shown this once only")
    ResponseEntity<AccessTokens.Created> createToken(Viewer viewer, @Validated @RequestBody NewToken body) {
        AccessTokens.Created created = tokens.create(viewer, body.name().trim(), body.validDays());
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + created.token().id())).body(created);
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke one of the caller's tokens; it stops working at once")
    ResponseEntity<Void> revokeToken(Viewer viewer, @PathVariable long id) {
        tokens.revoke(viewer, id);
        return ResponseEntity.noContent().build();
    }
}
