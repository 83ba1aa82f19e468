package org.shouwang.tickets.web;

import java.util.ArrayList;
import java.util.List;

import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.shouwang.residence.Residence;
import org.shouwang.residence.ResidenceViews;
import org.shouwang.shared.InvalidInput;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Responsibilities;
import org.springframework.stereotype.Component;

/**
 * What a clause may name, for the page's selects and for checking a clause before it is written:
 * departments and buildings that exist, a repair kind only on repairs, a new number not yet taken.
 */
@Component
class ClauseChecks {

    private final People people;
    private final Residence residence;
    private final Responsibilities responsibilities;

    ClauseChecks(People people, Residence residence, Responsibilities responsibilities) {
        this.people = people;
        this.residence = residence;
        this.responsibilities = responsibilities;
    }

    List<Structure.Department> departments() {
        return people.departments();
    }

    List<ResidenceViews.Building> buildings() {
        return residence.communities().stream().flatMap(c -> residence.buildings(c.id()).stream()).toList();
    }

    /**
     * Refuses, with every bad field named, a clause that names what does not exist; {@code adding}
     * also refuses a number the draft already has (editing replaces it).
     */
    void check(ClauseForm form, boolean adding) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (form.subcategory() != null && form.category() != Category.REPAIRS) {
            problems.add(new InvalidInput.Problem("subcategory", "responsibilities.subcategoryOnlyForRepairs"));
        }
        if (form.departmentId() != null && departments().stream().noneMatch(d -> d.id() == form.departmentId())) {
            problems.add(new InvalidInput.Problem("departmentId", "responsibilityList.unknownDepartment"));
        }
        if (form.buildingId() != null && buildings().stream().noneMatch(b -> b.id() == form.buildingId())) {
            problems.add(new InvalidInput.Problem("buildingId", "responsibilityList.unknownBuilding"));
        }
        if (adding && !form.number().isEmpty() && draftHas(form.number())) {
            problems.add(new InvalidInput.Problem("clause", "responsibilityList.clauseTaken", form.number()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** Whether the draft has this clause; without a draft, the published version (which a new draft copies). */
    boolean draftHas(String clause) {
        List<Responsibilities.Clause> clauses = draft().map(v -> responsibilities.clauses(v.id()))
                .orElseGet(responsibilities::publishedClauses);
        return clauses.stream().anyMatch(c -> c.clause().equals(clause));
    }

    java.util.Optional<Responsibilities.Version> draft() {
        return responsibilities.versions().stream().filter(v -> v.status() == Responsibilities.Status.DRAFT).findFirst();
    }
}
