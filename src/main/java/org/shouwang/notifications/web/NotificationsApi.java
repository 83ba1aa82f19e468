package org.shouwang.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.notifications.EmailSettings;
import org.shouwang.notifications.Inbox;
import org.shouwang.notifications.Notification;
import org.shouwang.shared.Page;
import org.shouwang.shared.Viewer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The caller's inbox of notices, and where and in which language they are emailed")
class NotificationsApi {

    private final Inbox inbox;
    private final EmailSettings settings;

    NotificationsApi(Inbox inbox, EmailSettings settings) {
        this.inbox = inbox;
        this.settings = settings;
    }

    /** A page of the inbox and the number of notices not yet read. */
    record Notices(long unread, Page<Notification> notices) {
    }

    record Unread(long unread) {
    }

    record Marked(int marked) {
    }

    @GetMapping
    @Operation(summary = "The caller's notices, newest first, each message in the caller's language (Accept-Language), "
            + "with the count of unread ones")
    Notices list(Viewer viewer,
                 @Parameter(description = "page, from 0") @RequestParam(defaultValue = "0") int page,
                 @Parameter(description = "notices per page, 1–100") @RequestParam(defaultValue = "20") int size) {
        return new Notices(inbox.unread(viewer.accountId()), inbox.of(viewer, page, size, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/unread")
    @Operation(summary = "How many of the caller's notices are unread")
    Unread unread(Viewer viewer) {
        return new Unread(inbox.unread(viewer.accountId()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's notices read; 404 for a notice of someone else")
    ResponseEntity<Void> markRead(Viewer viewer, @PathVariable long id) {
        inbox.markRead(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all of the caller's notices read; answers how many were unread")
    Marked markAllRead(Viewer viewer) {
        return new Marked(inbox.markAllRead(viewer));
    }

    @GetMapping("/settings")
    @Operation(summary = "The caller's email setting: address (none until given), language of the emails, emailing on or off")
    SettingForm settings(Viewer viewer) {
        return SettingForm.of(settings.of(viewer, LocaleContextHolder.getLocale()));
    }

    @PutMapping("/settings")
    @Operation(summary = "Set the caller's email address (blank for none), email language (zh-CN or en) and whether "
            + "notices are emailed (default yes); 400 naming the field when the address or language is invalid")
    SettingForm saveSettings(Viewer viewer, @Validated @RequestBody SettingForm body) {
        return SettingForm.of(settings.save(viewer, body.setting(true)));
    }
}
