package org.shouwang.imports.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.shouwang.imports.ImportJob;
import org.shouwang.imports.ImportKind;
import org.shouwang.imports.ImportTemplate;
import org.shouwang.imports.Imports;
import org.shouwang.imports.ProblemView;
import org.shouwang.shared.Page;
import org.shouwang.shared.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/admin/imports")
@Tag(name = "Imports", description = "Roster imports (students, staff, classes, rooms, bed assignments) from xlsx or csv; admins only")
class ImportsApi {

    private final Imports imports;

    ImportsApi(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Upload a roster; validation runs in the background. 409 when the file is no roster of this kind "
            + "(not a spreadsheet, missing header columns, no data rows)")
    ImportJob upload(Viewer viewer, @RequestParam @NotNull ImportKind kind, @RequestPart("file") MultipartFile file)
            throws IOException {
        return imports.upload(viewer, kind, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping
    @Operation(summary = "Recent import jobs, newest first")
    List<ImportJob> recent(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit, Viewer viewer) {
        return imports.recent(viewer, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job: status (VALIDATING, VALIDATED, IMPORTING, DONE, FAILED), progress and counts")
    ImportJob job(Viewer viewer, @PathVariable long id) {
        return imports.job(viewer, id);
    }

    @GetMapping("/{id}/problems")
    @Operation(summary = "The problems found, by line and column, with the reason in the caller's language")
    Page<ProblemView> problems(Viewer viewer, @PathVariable long id,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return imports.problems(viewer, id, page, size);
    }

    @PostMapping("/{id}/confirm")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import the valid rows (validated again first) in one transaction; 409 unless the job is VALIDATED")
    ImportJob confirm(Viewer viewer, @PathVariable long id) {
        return imports.confirm(viewer, id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Discard a job and its problems; 409 while it is importing")
    void discard(Viewer viewer, @PathVariable long id) {
        imports.discard(viewer, id);
    }

    @GetMapping("/templates/{kind}")
    @Operation(summary = "A template with the bilingual header row and one example row")
    ResponseEntity<byte[]> template(@PathVariable ImportKind kind,
                                    @Parameter(description = "xlsx or csv") @RequestParam(defaultValue = "xlsx")
                                    @Pattern(regexp = "xlsx|csv") String format) {
        return download(imports.template(kind, format));
    }

    static ResponseEntity<byte[]> download(ImportTemplate template) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(template.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(template.contentType()))
                .body(template.content());
    }
}
