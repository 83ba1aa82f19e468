package org.shouwang.imports.web;

import java.io.IOException;

import org.shouwang.imports.ImportJob;
import org.shouwang.imports.ImportKind;
import org.shouwang.imports.Imports;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's import page: choose a kind, upload, watch the progress, read the problems, confirm. */
@Controller
@RequestMapping("/admin/imports")
class ImportsController {

    private static final int PROBLEMS_PER_PAGE = 100;

    private final Imports imports;
    private final MessageSource messages;

    ImportsController(Imports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping
    String index(Viewer viewer, @RequestParam(required = false) ImportKind kind, Model model) {
        ImportKind chosen = kind != null && imports.kinds().contains(kind) ? kind : imports.kinds().get(0);
        model.addAttribute("kinds", imports.kinds());
        model.addAttribute("chosen", chosen);
        model.addAttribute("columns", imports.columns(chosen));
        model.addAttribute("jobs", imports.recent(viewer, 20));
        return "imports/index";
    }

    @PostMapping
    String upload(Viewer viewer, @RequestParam(required = false) ImportKind kind,
                  @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new RuleViolation("import.file.required");
            }
            ImportJob job = imports.upload(viewer, kind, file.getOriginalFilename(), file.getBytes());
            return "redirect:/admin/imports/" + job.id();
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", text(violation.code(), violation.args()));
            return "redirect:/admin/imports" + (kind == null ? "" : "?kind=" + kind);
        }
    }

    @GetMapping("/{id}")
    String job(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        panel(viewer, id, page, model);
        return "imports/job";
    }

    /** The part of the job page that htmx polls every second while the job runs. */
    @GetMapping("/{id}/progress")
    String progress(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        panel(viewer, id, page, model);
        return "imports/job :: panel";
    }

    @PostMapping("/{id}/confirm")
    String confirm(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        try {
            imports.confirm(viewer, id);
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", text(violation.code(), violation.args()));
        }
        return "redirect:/admin/imports/" + id;
    }

    @PostMapping("/{id}/discard")
    String discard(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        try {
            imports.discard(viewer, id);
            flash.addFlashAttribute("success", text("import.discarded"));
            return "redirect:/admin/imports";
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", text(violation.code(), violation.args()));
            return "redirect:/admin/imports/" + id;
        }
    }

    @GetMapping("/templates/{kind}")
    ResponseEntity<byte[]> template(@PathVariable ImportKind kind, @RequestParam(defaultValue = "xlsx") String format) {
        return ImportsApi.download(imports.template(kind, format));
    }

    private void panel(Viewer viewer, long id, int page, Model model) {
        ImportJob job = imports.job(viewer, id);
        model.addAttribute("job", job);
        model.addAttribute("problems", imports.problems(viewer, id, Math.max(0, page), PROBLEMS_PER_PAGE));
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
