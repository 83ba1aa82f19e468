package org.shouwang.activities.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.activities.GrowthViews;
import org.shouwang.shared.QrCode;
import org.shouwang.activities.Transcripts;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A transcript to print (HTML and PDF) for whoever may read the student's record, and the public
 * verification page anyone reaches from the printed address or QR code, signed in or not.
 */
@Controller
class TranscriptController {

    private final Transcripts transcripts;

    TranscriptController(Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    @GetMapping("/transcripts/{code}")
    String document(Viewer viewer, @PathVariable String code, Model model) {
        GrowthViews.Document document = transcripts.document(viewer, code);
        String url = verificationUrl(document.issued().code());
        model.addAttribute("doc", document);
        model.addAttribute("own", viewer.isStudent(document.student().id()));
        model.addAttribute("verificationUrl", url);
        model.addAttribute("qr", QrCode.svg(url, url));
        return "activities-growth/transcript";
    }

    @GetMapping("/transcripts/{code}/pdf")
    ResponseEntity<byte[]> pdf(Viewer viewer, @PathVariable String code) {
        String stored = Transcripts.normalise(code).orElseThrow(() -> new NotFoundException("transcript", code));
        byte[] pdf = transcripts.pdf(viewer, stored, verificationUrl(stored), LocaleContextHolder.getLocale());
        return pdfAnswer(pdf, stored);
    }

    /** The public check: a form for the code, or what the code certifies; an unknown code answers 404. */
    @GetMapping("/verify")
    String verifyForm(@RequestParam(required = false) String code) {
        if (code != null && !code.isBlank()) {
            return "redirect:/verify/" + code.strip().replaceAll("[^A-Za-z0-9-]", "");
        }
        return "activities-growth/verify";
    }

    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("verification", transcripts.verify(code));
        } catch (NotFoundException e) {
            response.setStatus(404);
            model.addAttribute("unknown", code);
        }
        return "activities-growth/verify";
    }

    static String verificationUrl(String code) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/verify/{code}").buildAndExpand(code).toUriString();
    }

    static ResponseEntity<byte[]> pdfAnswer(byte[] pdf, String code) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("transcript-" + code + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
