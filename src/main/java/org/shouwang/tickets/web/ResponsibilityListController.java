package org.shouwang.tickets.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.tickets.Category;
import org.shouwang.tickets.Responsibilities;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The published responsibility list, for everyone, signed in or not: who answers for what, and how fast. */
@Controller
class ResponsibilityListController {

    private final Responsibilities responsibilities;

    ResponsibilityListController(Responsibilities responsibilities) {
        this.responsibilities = responsibilities;
    }

    @GetMapping("/responsibilities")
    String published(Model model) {
        model.addAttribute("published", responsibilities.published().orElse(null));
        model.addAttribute("groups", byCategory(responsibilities.publishedClauses()));
        return "tickets-admin/public-responsibilities";
    }

    /** Clauses grouped by category, in the order categories are listed everywhere else. */
    static Map<Category, List<Responsibilities.Clause>> byCategory(List<Responsibilities.Clause> clauses) {
        Map<Category, List<Responsibilities.Clause>> groups = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            List<Responsibilities.Clause> of = clauses.stream().filter(c -> c.category() == category).toList();
            if (!of.isEmpty()) {
                groups.put(category, of);
            }
        }
        return groups;
    }
}
