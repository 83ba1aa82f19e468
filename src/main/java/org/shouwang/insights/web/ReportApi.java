package org.shouwang.insights.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.insights.ReportDocument;
import org.shouwang.insights.Reports;
import org.shouwang.shared.Fields;
import org.shouwang.shared.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Governance reports: start one, follow its progress, read its figures, download it as DOCX or HTML. */
@RestController
@Tag(name = "Insights")
class ReportApi {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final Reports reports;
    private final ITemplateEngine templates;

    ReportApi(Reports reports, ITemplateEngine templates) {
        this.reports = reports;
        this.templates = templates;
    }

    /** What to report on: days as yyyy-MM-dd (both inclusive, at most two years), language "zh-CN" (default) or "en". */
    record ReportRequest(String from, String to, String language) {
    }

    /** A started job. */
    record Started(long id, Reports.State state, String location) {
    }

    @PostMapping("/api/v1/insights/reports")
    @Operation(summary = "Start writing the governance report of a period (leaders, admins, student affairs); 202 with the job's id")
    ResponseEntity<Started> start(Viewer viewer, @RequestBody(required = false) ReportRequest request) {
        reports.require(viewer);
        ReportRequest r = request == null ? new ReportRequest(null, null, null) : request;
        Fields f = new Fields();
        LocalDate from = f.date(r.from(), "from");
        LocalDate to = f.date(r.to(), "to");
        f.check();
        long id = reports.start(viewer, from, to, r.language());
        String location = "/api/v1/insights/reports/" + id;
        return ResponseEntity.accepted().location(URI.create(location)).body(new Started(id, Reports.State.QUEUED, location));
    }

    @GetMapping("/api/v1/insights/reports/{id}")
    @Operation(summary = "A report job: state, progress (sections done of total) and, once done, every figure")
    Reports.Job job(Viewer viewer, @PathVariable long id) {
        return reports.job(viewer, id);
    }

    @GetMapping("/api/v1/insights/reports/{id}/report.docx")
    @Operation(summary = "The finished report as a Word document (tables and native charts); 404 until it is done")
    ResponseEntity<byte[]> docx(Viewer viewer, @PathVariable long id) {
        byte[] bytes = reports.docx(viewer, id);
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("governance-report-" + id + ".docx").build().toString())
                .body(bytes);
    }

    @GetMapping(value = "/api/v1/insights/reports/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The finished report as a standalone HTML page with its charts; 404 until it is done")
    ResponseEntity<String> html(Viewer viewer, @PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        ReportDocument report = reports.document(viewer, id);
        IWebExchange exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        String html = templates.process("insights/report-document",
                new WebContext(exchange, LocaleContextHolder.getLocale(), Map.of("report", report)));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(html);
    }
}
