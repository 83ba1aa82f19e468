package org.shouwang.identity.web;

import java.util.Map;

import org.shouwang.shared.RuleViolation;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/** Puts a broken rule on the form field it concerns, so that the page shows it next to that field. */
final class RuleFields {

    private static final Map<String, String> FIELD_OF = Map.ofEntries(
            Map.entry("account.usernameTaken", "username"),
            Map.entry("account.unknownPerson", "personNumber"),
            Map.entry("account.personHasAccount", "personNumber"),
            Map.entry("account.displayNameRequired", "displayName"),
            Map.entry("account.noRole", "roles"),
            Map.entry("account.studentRoleNeedsStudent", "roles"),
            Map.entry("account.staffRoleForStudent", "roles"),
            Map.entry("account.handlerNeedsDepartment", "departmentId"),
            Map.entry("account.unknownDepartment", "departmentId"),
            Map.entry("password.currentWrong", "currentPassword"),
            Map.entry("password.unchanged", "newPassword"));

    private RuleFields() {
    }

    static void reject(BindingResult form, RuleViolation violation) {
        String field = FIELD_OF.get(violation.code());
        if (field != null && form.getTarget() != null && new BeanWrapperImpl(form.getTarget()).isReadableProperty(field)) {
            form.rejectValue(field, violation.code(), violation.args(), violation.code());
        } else {
            form.reject(violation.code(), violation.args(), violation.code());
        }
    }
}
