package org.shouwang.tickets.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Limits;
import org.shouwang.tickets.Responsibilities;

/**
 * A clause of the draft responsibility list as an administrator writes it: which requests
 * (category, repair kind, building) go to which department, and the six limits in hours.
 */
record ClauseForm(
        @NotBlank(message = "{responsibilityList.clause.required}")
        @Size(max = 16, message = "{responsibilityList.clause.size}")
        @Pattern(regexp = "\\s*[0-9A-Za-z]+([.-][0-9A-Za-z]+)*\\s*|\\s*", message = "{responsibilityList.clause.pattern}") String clause,
        @NotNull(message = "{responsibilityList.category.required}") Category category,
        Category.Subcategory subcategory,
        Long buildingId,
        @NotNull(message = "{responsibilityList.department.required}") Long departmentId,
        @NotBlank(message = "{responsibilityList.duty.required}")
        @Size(max = 500, message = "{responsibilityList.duty.size}") String duty,
        @NotNull(message = "{responsibilityList.hours}") @Min(value = 1, message = "{responsibilityList.hours}")
        @Max(value = MAX_HOURS, message = "{responsibilityList.hours}") Integer dispatchHours,
        @NotNull(message = "{responsibilityList.hours}") @Min(value = 1, message = "{responsibilityList.hours}")
        @Max(value = MAX_HOURS, message = "{responsibilityList.hours}") Integer respondHours,
        @NotNull(message = "{responsibilityList.hours}") @Min(value = 1, message = "{responsibilityList.hours}")
        @Max(value = MAX_HOURS, message = "{responsibilityList.hours}") Integer resolveHours,
        @NotNull(message = "{responsibilityList.hours}") @Min(value = 1, message = "{responsibilityList.hours}")
        @Max(value = MAX_HOURS, message = "{responsibilityList.hours}") Integer urgentDispatchHours,
        @NotNull(message = "{responsibilityList.hours}") @Min(value = 1, message = "{responsibilityList.hours}")
        @Max(value = MAX_HOURS, message = "{responsibilityList.hours}") Integer urgentRespondHours,
        @NotNull(message = "{responsibilityList.hours}") @Min(value = 1, message = "{responsibilityList.hours}")
        @Max(value = MAX_HOURS, message = "{responsibilityList.hours}") Integer urgentResolveHours) {

    /** A limit longer than this (three months of working hours) is a typing error. */
    static final int MAX_HOURS = 720;

    static ClauseForm empty() {
        return new ClauseForm("", null, null, null, null, "", 4, 8, 40, 1, 1, 8);
    }

    static ClauseForm of(Responsibilities.Clause c) {
        return new ClauseForm(c.clause(), c.category(), c.subcategory(), c.buildingId(), c.departmentId(), c.duty(),
                c.normal().dispatchHours(), c.normal().respondHours(), c.normal().resolveHours(),
                c.urgent().dispatchHours(), c.urgent().respondHours(), c.urgent().resolveHours());
    }

    String number() {
        return clause == null ? "" : clause.trim();
    }

    Responsibilities.ClauseDraft draft() {
        return new Responsibilities.ClauseDraft(number(), category, subcategory, buildingId, departmentId, duty.trim(),
                new Limits(dispatchHours, respondHours, resolveHours),
                new Limits(urgentDispatchHours, urgentRespondHours, urgentResolveHours));
    }
}
