package org.shouwang.identity.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A password people may choose: 8 to 64 characters typed on a standard keyboard, with at least one
 * letter and one digit. (Plain ASCII also keeps it within the 72 bytes bcrypt takes.)
 */
@NotNull
@Size(min = 8, max = 64)
@Pattern(regexp = "(?=.*[A-Za-z])(?=.*[0-9])[\\x20-\\x7E]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface StrongPassword {

    String message() default "{password.weak}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
