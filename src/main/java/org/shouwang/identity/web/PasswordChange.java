package org.shouwang.identity.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What someone types to change their own password; the confirmation must repeat the new one. */
@PasswordChange.Confirmed
record PasswordChange(@NotBlank(message = "{password.currentRequired}") @Size(max = 64, message = "{password.currentWrong}")
                      String currentPassword,
                      @StrongPassword String newPassword,
                      @NotBlank(message = "{password.confirmRequired}") String confirmPassword) {

    static PasswordChange empty() {
        return new PasswordChange("", "", "");
    }

    /** Reports a confirmation that differs from the new password on the confirmation field. */
    @Constraint(validatedBy = ConfirmationMatches.class)
    @Documented
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Confirmed {

        String message() default "{password.mismatch}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static class ConfirmationMatches implements ConstraintValidator<Confirmed, PasswordChange> {

        @Override
        public boolean isValid(PasswordChange change, ConstraintValidatorContext context) {
            if (change.confirmPassword() == null || change.confirmPassword().isBlank()
                    || change.confirmPassword().equals(change.newPassword())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("confirmPassword").addConstraintViolation();
            return false;
        }
    }
}
