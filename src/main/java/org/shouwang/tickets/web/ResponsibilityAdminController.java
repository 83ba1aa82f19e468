package org.shouwang.tickets.web;

import java.util.Optional;

import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Responsibilities;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The responsibility list for administrators: its versions, the draft's clauses with add, edit and
 * remove, publishing and discarding the draft, and any past version read-only.
 */
@Controller
@RequestMapping("/admin/responsibilities")
class ResponsibilityAdminController {

    private static final String HOME = "redirect:/admin/responsibilities";

    private final Responsibilities responsibilities;
    private final ClauseChecks checks;
    private final MessageSource messages;

    ResponsibilityAdminController(Responsibilities responsibilities, ClauseChecks checks, MessageSource messages) {
        this.responsibilities = responsibilities;
        this.checks = checks;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String edit, Model model) {
        if (!model.containsAttribute("clause")) {
            Optional<Responsibilities.Clause> editing = Optional.ofNullable(edit).flatMap(this::draftClause);
            model.addAttribute("editing", editing.isPresent());
            model.addAttribute("clause", editing.map(ClauseForm::of).orElseGet(ClauseForm::empty));
        }
        return page(model);
    }

    @PostMapping("/draft")
    String openDraft(Viewer admin, RedirectAttributes flash) {
        Responsibilities.Version draft = responsibilities.draft(admin);
        flash.addFlashAttribute("success", text("responsibilityList.draftOpened", draft.version()));
        return HOME;
    }

    @PostMapping("/draft/clauses")
    String saveClause(Viewer admin, @RequestParam(defaultValue = "false") boolean editing,
                      @Validated @ModelAttribute("clause") ClauseForm form, BindingResult errors, Model model,
                      RedirectAttributes flash) {
        try {
            if (form != null) {
                checks.check(form, !editing);
            }
        } catch (InvalidInput invalid) {
            AdminFormErrors.reject(errors, invalid);
        }
        if (form != null && !errors.hasErrors()) {
            Responsibilities.Clause saved = responsibilities.saveClause(admin, form.draft());
            flash.addFlashAttribute("success", text(editing ? "responsibilityList.clauseSaved" : "responsibilityList.clauseAdded",
                    saved.clause()));
            return HOME + "#clause-" + saved.clause();
        }
        model.addAttribute("editing", editing);
        return page(model);
    }

    @PostMapping("/draft/clauses/remove")
    String removeClause(Viewer admin, @RequestParam String clause, RedirectAttributes flash) {
        try {
            responsibilities.removeClause(admin, clause);
            flash.addFlashAttribute("success", text("responsibilityList.clauseRemoved", clause));
        } catch (NotFoundException missing) {
            flash.addFlashAttribute("error", text("responsibilityList.noSuchClause", clause));
        }
        return HOME;
    }

    @PostMapping("/draft/publish")
    String publish(Viewer admin, @Validated @ModelAttribute("publication") PublicationForm form, BindingResult errors,
                   Model model, RedirectAttributes flash) {
        if (errors.hasErrors()) {
            model.addAttribute("editing", false);
            model.addAttribute("clause", ClauseForm.empty());
            return page(model);
        }
        try {
            Responsibilities.Version published = responsibilities.publish(admin, form.note().trim());
            flash.addFlashAttribute("success", text("responsibilityList.published", published.version()));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", text(violation.code(), violation.args()));
        }
        return HOME;
    }

    @PostMapping("/draft/discard")
    String discard(Viewer admin, RedirectAttributes flash) {
        responsibilities.discardDraft(admin);
        flash.addFlashAttribute("success", text("responsibilityList.discarded"));
        return HOME;
    }

    @GetMapping("/{version}")
    String version(@PathVariable int version, Model model) {
        Responsibilities.Version shown = responsibilities.version(version);
        model.addAttribute("shown", shown);
        model.addAttribute("clauses", responsibilities.clauses(shown.id()));
        return "tickets-admin/responsibility-version";
    }

    private String page(Model model) {
        Optional<Responsibilities.Version> draft = checks.draft();
        model.addAttribute("versions", responsibilities.versions());
        model.addAttribute("published", responsibilities.published().orElse(null));
        model.addAttribute("draft", draft.orElse(null));
        model.addAttribute("clauses", draft.map(d -> responsibilities.clauses(d.id())).orElseGet(responsibilities::publishedClauses));
        model.addAttribute("categories", Category.values());
        model.addAttribute("subcategories", Category.Subcategory.values());
        model.addAttribute("departments", checks.departments());
        model.addAttribute("buildings", checks.buildings());
        if (!model.containsAttribute("publication")) {
            model.addAttribute("publication", new PublicationForm(""));
        }
        return "tickets-admin/responsibilities";
    }

    private Optional<Responsibilities.Clause> draftClause(String number) {
        return checks.draft().flatMap(d -> responsibilities.clauses(d.id()).stream()
                .filter(c -> c.clause().equals(number)).findFirst());
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
