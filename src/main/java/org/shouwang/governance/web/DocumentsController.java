package org.shouwang.governance.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.shouwang.shared.FormValues;
import org.shouwang.governance.DocumentFile;
import org.shouwang.governance.DocumentFormat;
import org.shouwang.governance.DocumentKind;
import org.shouwang.governance.DocumentViews;
import org.shouwang.governance.Documents;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The document pages: the list (with the published responsibility list as a link), one document
 * with its latest published version and history, one version, and for editors the forms to create
 * a document, draft the next version and publish it. Who may not edit gets 404 on the forms.
 */
@Controller
class DocumentsController {

    private final Documents documents;
    private final FormErrors errors;

    DocumentsController(Documents documents, FormErrors errors) {
        this.documents = documents;
        this.errors = errors;
    }

    @GetMapping("/documents")
    String list(Viewer viewer, @RequestParam(required = false) String kind, Model model) {
        DocumentKind k = FormValues.filter(DocumentKind.class, kind);
        model.addAttribute("listing", documents.list(viewer, k));
        model.addAttribute("kind", k);
        model.addAttribute("kinds", DocumentKind.values());
        return "documents/list";
    }

    @GetMapping("/documents/{id}")
    String document(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("d", documents.document(viewer, id));
        return "documents/detail";
    }

    @GetMapping("/documents/{id}/versions/{number}")
    String version(Viewer viewer, @PathVariable long id, @PathVariable int number, Model model) {
        model.addAttribute("d", documents.document(viewer, id));
        model.addAttribute("v", documents.version(viewer, id, number));
        return "documents/version";
    }

    @GetMapping("/documents/{id}/versions/{number}/file")
    ResponseEntity<byte[]> file(Viewer viewer, @PathVariable long id, @PathVariable int number) {
        return download(documents.file(viewer, id, number));
    }

    static ResponseEntity<byte[]> download(DocumentFile file) {
        boolean inline = file.contentType().startsWith("image/") || file.contentType().equals(DocumentFile.PDF);
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=600").body(file.data());
    }

    // — editors —

    @GetMapping("/documents/new")
    String newDocument(Viewer viewer, Model model) {
        requireEditor(viewer);
        return form(DocumentForm.empty(), null, Map.of(), model);
    }

    @PostMapping("/documents")
    String create(Viewer viewer, @ModelAttribute("form") DocumentForm form, BindingResult binding,
                  @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes flash) {
        requireEditor(viewer);
        try {
            long id = documents.create(viewer, form.document(), form.version(DocumentFormValues.file(file)));
            flash.addFlashAttribute("success", errors.text("document.web.done.created"));
            return "redirect:/documents/" + id;
        } catch (InvalidInput invalid) {
            return form(form, null, errors.of(invalid, DocumentForm.FIELDS), model);
        }
    }

    @GetMapping("/documents/{id}/draft")
    String draftForm(Viewer viewer, @PathVariable long id, Model model) {
        requireEditor(viewer);
        DocumentViews.Document d = documents.document(viewer, id);
        DocumentViews.Version from = d.draft() != null ? documents.version(viewer, id, d.draft().number()) : d.latest();
        DocumentForm form = from == null ? DocumentForm.empty()
                : new DocumentForm(d.title(), d.kind().name(), "", from.text(), from.format().name(),
                        d.draft() != null ? FormValues.text(from.changeNote()) : "");
        return form(form, d, Map.of(), model);
    }

    @PostMapping("/documents/{id}/draft")
    String saveDraft(Viewer viewer, @PathVariable long id, @ModelAttribute("form") DocumentForm form, BindingResult binding,
                     @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes flash) {
        requireEditor(viewer);
        DocumentViews.Document d = documents.document(viewer, id);
        try {
            int number = documents.draft(viewer, id, form.version(DocumentFormValues.file(file)));
            flash.addFlashAttribute("success", errors.text("document.web.done.drafted", number));
            return "redirect:/documents/" + id + "/versions/" + number;
        } catch (InvalidInput invalid) {
            return form(form, d, errors.of(invalid, DocumentForm.FIELDS), model);
        }
    }

    @PostMapping("/documents/{id}/draft/publish")
    String publish(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        try {
            int number = documents.publish(viewer, id);
            flash.addFlashAttribute("success", errors.text("document.web.done.published", number));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", errors.text(violation.code(), violation.args()));
        }
        return "redirect:/documents/" + id;
    }

    @PostMapping("/documents/{id}/draft/discard")
    String discard(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        try {
            documents.discardDraft(viewer, id);
            flash.addFlashAttribute("success", errors.text("document.web.done.discarded"));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", errors.text(violation.code(), violation.args()));
        }
        return "redirect:/documents/" + id;
    }

    private void requireEditor(Viewer viewer) {
        if (!documents.mayEdit(viewer)) {
            throw new NotFoundException("page", "documents/edit");
        }
    }

    private String form(DocumentForm form, DocumentViews.Document d, Map<String, String> fieldErrors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("d", d);
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("formats", DocumentFormat.values());
        model.addAttribute("departments", documents.departments());
        return "documents/form";
    }
}
