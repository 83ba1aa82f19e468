package org.shouwang.notifications.web;

import org.shouwang.notifications.EmailSettings;
import org.shouwang.notifications.Inbox;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox page of every signed-in user, and where they want notices emailed. */
@Controller
class NotificationsController {

    private final Inbox inbox;
    private final EmailSettings settings;
    private final MessageSource messages;

    NotificationsController(Inbox inbox, EmailSettings settings, MessageSource messages) {
        this.inbox = inbox;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    String inbox(Viewer viewer, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("notices", inbox.of(viewer, page, Inbox.PAGE_SIZE, LocaleContextHolder.getLocale()));
        return "notifications/inbox";
    }

    /** Marks the notice read and follows its link; another's notice is not found. */
    @GetMapping("/notifications/{id}/open")
    String open(Viewer viewer, @PathVariable long id) {
        return "redirect:" + inbox.open(viewer, id);
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(Viewer viewer, RedirectAttributes flash) {
        int marked = inbox.markAllRead(viewer);
        flash.addFlashAttribute("success", text("notifications.allRead", marked));
        return "redirect:/notifications";
    }

    @GetMapping("/notifications/settings")
    String settings(Viewer viewer, Model model) {
        if (!model.containsAttribute("setting")) {
            model.addAttribute("setting", SettingForm.of(settings.of(viewer, LocaleContextHolder.getLocale())));
        }
        return "notifications/settings";
    }

    @PostMapping("/notifications/settings")
    String saveSettings(Viewer viewer, @Validated @ModelAttribute("setting") SettingForm form, BindingResult errors,
                        Model model, RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return settings(viewer, model);
        }
        settings.save(viewer, form.setting(false));
        flash.addFlashAttribute("success", text("notifications.settings.saved"));
        return "redirect:/notifications/settings";
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
