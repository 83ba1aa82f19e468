package org.shouwang.identity.web;

import java.time.Clock;

import org.shouwang.identity.AccessTokens;
import org.shouwang.identity.Accounts;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: roles, password and personal access tokens. */
@Controller
class ProfileController {

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final MessageSource messages;
    private final Clock clock;

    ProfileController(Accounts accounts, AccessTokens tokens, MessageSource messages, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/profile")
    String profile(Viewer viewer, Model model) {
        model.addAttribute("me", accounts.get(viewer.accountId()));
        model.addAttribute("tokens", tokens.of(viewer));
        model.addAttribute("now", clock.instant());
        if (!model.containsAttribute("password")) {
            model.addAttribute("password", PasswordChange.empty());
        }
        if (!model.containsAttribute("token")) {
            model.addAttribute("token", NewToken.empty());
        }
        return "identity/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(Viewer viewer, @Validated @ModelAttribute("password") PasswordChange form, BindingResult errors,
                          Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                accounts.changePassword(viewer, form.currentPassword(), form.newPassword());
                flash.addFlashAttribute("success", text("password.changed"));
                return "redirect:/profile";
            } catch (RuleViolation violation) {
                RuleFields.reject(errors, violation);
            }
        }
        return profile(viewer, model);
    }

    /** Answers with the page itself, not a redirect, so the secret is shown once and stored nowhere. */
    @PostMapping("/profile/tokens")
    String createToken(Viewer viewer, @Validated @ModelAttribute("token") NewToken form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                model.addAttribute("created", tokens.create(viewer, form.name().trim(), form.validDays()));
                model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "token");
                model.addAttribute("token", NewToken.empty());
            } catch (RuleViolation violation) {
                RuleFields.reject(errors, violation);
            }
        }
        return profile(viewer, model);
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        tokens.revoke(viewer, id);
        flash.addFlashAttribute("success", text("token.revoked"));
        return "redirect:/profile";
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
