package org.shouwang.insights;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.shouwang.imports.ImportJob;
import org.shouwang.imports.Imports;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The import jobs of /admin/imports as xlsx, for administrators only (anyone else 404, as
 * {@link Imports#recent} refuses them): the page's list, newest first, but the last {@link #LIMIT}
 * jobs rather than the page's 20 — file, kind, state, row counts, who uploaded and confirmed, when.
 */
@Service
public class ExportImports {

    /** Jobs in the export, the most recent first. */
    static final int LIMIT = 500;

    private final Imports imports;
    private final MessageSource messages;

    ExportImports(Imports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    public List<ImportJob> rows(Viewer viewer) {
        return imports.recent(viewer, LIMIT);
    }

    public void write(List<ImportJob> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.imports", "export.imports.", "file", "kind", "state", "totalRows", "validRows",
                "invalidRows", "problems", "created", "updated", "unchanged", "createdBy", "createdAt", "confirmedBy", "finishedAt",
                "failure").width(0, 30).width(11, 18).width(13, 18).width(14, 40);
        for (ImportJob j : rows) {
            sheet.row(ExportRequests.mask(j.fileName()), book.text("import.kind." + j.kind()), book.text("import.status." + j.status()),
                    j.totalRows(), j.validRows(), j.invalidRows(), j.problems(), j.created(), j.updated(), j.unchanged(),
                    j.createdBy(), j.createdAt(), j.confirmedBy(), j.finishedAt(), ExportRequests.mask(j.failure()));
        }
        book.finish();
    }
}
