package org.shouwang.identity.web;

import java.time.Clock;

import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration pages: search, open, edit, unlock, reset passwords, open student accounts. */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    static final int PAGE_SIZE = 30;

    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;

    AccountAdminController(Accounts accounts, MessageSource messages, Clock clock) {
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Role role,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        String text = q.length() > 64 ? q.substring(0, 64) : q;
        model.addAttribute("q", text);
        model.addAttribute("role", role);
        model.addAttribute("roles", Role.values());
        model.addAttribute("accounts", accounts.search(text, role, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("now", clock.instant());
        if (!model.containsAttribute("opening")) {
            model.addAttribute("opening", new StudentAccountsOpening(""));
        }
        return htmx != null ? "identity/accounts :: results" : "identity/accounts";
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        model.addAttribute("account", NewAccount.empty());
        return accountForm(model);
    }

    @PostMapping
    String create(Viewer admin, @Validated @ModelAttribute("account") NewAccount form, BindingResult errors,
                  Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                Account created = accounts.create(admin, form.draft());
                flash.addFlashAttribute("success", text("account.created", created.username()));
                return "redirect:/admin/accounts/" + created.id();
            } catch (RuleViolation violation) {
                RuleFields.reject(errors, violation);
            }
        }
        return accountForm(model);
    }

    @GetMapping("/{id}")
    String account(@PathVariable long id, Model model) {
        Account account = accounts.get(id);
        model.addAttribute("changes", AccountChanges.of(account));
        return accountPage(account, model);
    }

    @PostMapping("/{id}")
    String update(Viewer admin, @PathVariable long id, @Validated @ModelAttribute("changes") AccountChanges form,
                  BindingResult errors, Model model, RedirectAttributes flash) {
        Account account = accounts.get(id);
        if (!errors.hasErrors()) {
            try {
                accounts.update(admin, id, form.changes());
                flash.addFlashAttribute("success", text("account.saved"));
                return "redirect:/admin/accounts/" + id;
            } catch (RuleViolation violation) {
                RuleFields.reject(errors, violation);
            }
        }
        return accountPage(account, model);
    }

    @PostMapping("/{id}/unlock")
    String unlock(Viewer admin, @PathVariable long id, RedirectAttributes flash) {
        accounts.unlock(admin, id);
        flash.addFlashAttribute("success", text("account.unlocked"));
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(Viewer admin, @PathVariable long id, @Validated @ModelAttribute("reset") PasswordReset form,
                         BindingResult errors, Model model, RedirectAttributes flash) {
        Account account = accounts.get(id);
        if (errors.hasErrors()) {
            model.addAttribute("changes", AccountChanges.of(account));
            return accountPage(account, model);
        }
        accounts.resetPassword(admin, id, form.newPassword());
        flash.addFlashAttribute("success", text("account.passwordReset"));
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/students")
    String openStudentAccounts(Viewer admin, @Validated @ModelAttribute("opening") StudentAccountsOpening form,
                               BindingResult errors, Model model, RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return list("", null, 0, null, model);
        }
        int opened = accounts.openStudentAccounts(admin, form.initialPassword());
        flash.addFlashAttribute("success", text("account.studentsOpened", opened));
        return "redirect:/admin/accounts";
    }

    private String accountForm(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", accounts.departments());
        return "identity/account-new";
    }

    private String accountPage(Account account, Model model) {
        model.addAttribute("subject", account);
        model.addAttribute("now", clock.instant());
        model.addAttribute("locked", account.lockedAt(clock.instant()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", accounts.departments());
        if (!model.containsAttribute("reset")) {
            model.addAttribute("reset", new PasswordReset(""));
        }
        return "identity/account";
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
