package org.shouwang.identity.web;

import java.time.LocalDate;

import org.shouwang.identity.AuditLog;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log: who changed what and when, newest first. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String actor,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "0") int page,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        String text = q.length() > 100 ? q.substring(0, 100) : q;
        String who = actor.length() > 64 ? actor.substring(0, 64) : actor;
        model.addAttribute("q", text);
        model.addAttribute("actor", who);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("entries", audit.search(new AuditLog.Query(text, who, from, to), Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("pageUrl", UriComponentsBuilder.fromPath("/admin/audit").queryParam("q", text)
                .queryParam("actor", who).queryParam("from", from == null ? "" : from)
                .queryParam("to", to == null ? "" : to).queryParam("page", "").encode().build().toUriString());
        return htmx != null ? "identity/audit :: results" : "identity/audit";
    }
}
