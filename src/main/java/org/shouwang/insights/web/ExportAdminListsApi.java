package org.shouwang.insights.web;

import java.io.IOException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.insights.ExportAccounts;
import org.shouwang.insights.ExportBoard;
import org.shouwang.insights.ExportImports;
import org.shouwang.insights.ExportNotices;
import org.shouwang.insights.ExportResponsibilities;
import org.shouwang.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration lists, the inbox, the responsibility list and the public board as xlsx, for the page
 * (/exports/...) and the API (/api/v1/exports/...) alike: the same service call and scope as the page.
 */
@RestController
@Tag(name = "Exports", description = "Lists as xlsx, in the viewer's scope")
class ExportAdminListsApi {

    private final ExportAccounts accounts;
    private final ExportNotices notices;
    private final ExportImports imports;
    private final ExportResponsibilities responsibilities;
    private final ExportBoard board;

    ExportAdminListsApi(ExportAccounts accounts, ExportNotices notices, ExportImports imports,
                        ExportResponsibilities responsibilities, ExportBoard board) {
        this.accounts = accounts;
        this.notices = notices;
        this.imports = imports;
        this.responsibilities = responsibilities;
        this.board = board;
    }

    @Operation(summary = "The accounts of /admin/accounts (q: the page's search; role), every page, as xlsx: username, name, "
            + "roles, department, status, created — no password hashes nor personal numbers; 404 for anyone but administrators")
    @GetMapping({"/exports/accounts.xlsx", "/api/v1/exports/accounts.xlsx"})
    void accounts(Viewer viewer, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) String role,
                  Locale locale, HttpServletResponse response) throws IOException {
        var rows = accounts.accounts(viewer, q, role);
        ExportsController.start(response, "accounts.xlsx");
        accounts.writeAccounts(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The audit log of /admin/audit (q, actor, from, to as yyyy-MM-dd inclusive), newest first, as xlsx; "
            + "phone and ID-card numbers masked; 404 for anyone but administrators")
    @GetMapping({"/exports/audit.xlsx", "/api/v1/exports/audit.xlsx"})
    void audit(Viewer viewer, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String actor,
               @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale,
               HttpServletResponse response) throws IOException {
        var rows = accounts.audit(viewer, q, actor, from, to);
        ExportsController.start(response, "audit.xlsx");
        accounts.writeAudit(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The viewer's own notices of /notifications, newest first, in the viewer's language, as xlsx")
    @GetMapping({"/exports/notifications.xlsx", "/api/v1/exports/notifications.xlsx"})
    void notifications(Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        var rows = notices.rows(viewer, locale);
        ExportsController.start(response, "notifications.xlsx");
        notices.write(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The import jobs of /admin/imports (the most recent 500), as xlsx; 404 for anyone but administrators")
    @GetMapping({"/exports/imports.xlsx", "/api/v1/exports/imports.xlsx"})
    void imports(Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        var rows = imports.rows(viewer);
        ExportsController.start(response, "imports.xlsx");
        imports.write(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The published responsibility list of /responsibilities, as xlsx: clause, category, building, "
            + "department, duty, dispatch/response/resolution limits for normal and urgent requests")
    @GetMapping({"/exports/responsibilities.xlsx", "/api/v1/exports/responsibilities.xlsx"})
    void responsibilities(Locale locale, HttpServletResponse response) throws IOException {
        var rows = responsibilities.published();
        ExportsController.start(response, "responsibilities.xlsx");
        responsibilities.write(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "A version of the responsibility list (/admin/responsibilities/{version}: draft, published or "
            + "superseded), as xlsx; 404 for anyone but administrators")
    @GetMapping({"/exports/responsibilities/{version}.xlsx", "/api/v1/exports/responsibilities/{version}.xlsx"})
    void responsibilityVersion(Viewer viewer, @PathVariable String version, Locale locale, HttpServletResponse response)
            throws IOException {
        var rows = responsibilities.version(viewer, version);
        ExportsController.start(response, "responsibilities-v" + Integer.parseInt(version.strip()) + ".xlsx");
        responsibilities.write(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The public board of /board (period: DAYS30, the default, or TERM), as xlsx: resolved requests by "
            + "category, by building and the recent ones, anonymised; never psychology, legal or safety cases")
    @GetMapping({"/exports/board.xlsx", "/api/v1/exports/board.xlsx"})
    void board(@RequestParam(required = false) String period, Locale locale, HttpServletResponse response) throws IOException {
        var shown = board.board(period);
        ExportsController.start(response, "board.xlsx");
        board.write(shown, locale, response.getOutputStream());
    }
}
