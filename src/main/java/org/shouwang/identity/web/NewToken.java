package org.shouwang.identity.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A personal access token to create.
 *
 * @param validDays days until it expires, or empty for a token that lasts until revoked
 */
record NewToken(
        @NotBlank(message = "{token.name.required}") @Size(max = 64, message = "{token.name.size}") String name,
        @Min(value = 1, message = "{token.validDays.range}") @Max(value = 365, message = "{token.validDays.range}") Integer validDays) {

    static NewToken empty() {
        return new NewToken("", 90);
    }
}
