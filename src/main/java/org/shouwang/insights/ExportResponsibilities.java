package org.shouwang.insights;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.shouwang.shared.FormValues;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Responsibilities;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The responsibility list as xlsx: the published one of /responsibilities (needs no viewer;
 * {@link Responsibilities#publishedClauses}), or a version of /admin/responsibilities/{version}
 * (administrators only, anyone else 404, as is a version that does not exist). Clause, category, building, department, duty and the limits per urgency: normal
 * requests in working hours, urgent ones in natural hours.
 */
@Service
public class ExportResponsibilities {

    private final Responsibilities responsibilities;
    private final MessageSource messages;

    ExportResponsibilities(Responsibilities responsibilities, MessageSource messages) {
        this.responsibilities = responsibilities;
        this.messages = messages;
    }

    /** The published list, as /responsibilities shows it to anyone (empty before the first publication). */
    public List<Responsibilities.Clause> published() {
        return responsibilities.publishedClauses();
    }

    /** A version as /admin/responsibilities/{version} shows it: administrators only; anyone else, or no such version, 404. */
    public List<Responsibilities.Clause> version(Viewer viewer, String version) {
        Integer number = FormValues.version(version);
        if (viewer == null || !viewer.isAdmin() || number == null) {
            throw new NotFoundException("responsibilityList", version);
        }
        return responsibilities.clauses(responsibilities.version(number).id());
    }

    public void write(List<Responsibilities.Clause> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.responsibilities", "export.responsibilities.", "clause", "category",
                "subcategory", "building", "department", "duty", "dispatchHours", "respondHours", "resolveHours",
                "urgentDispatchHours", "urgentRespondHours", "urgentResolveHours").width(4, 24).width(5, 50);
        for (Responsibilities.Clause c : rows) {
            sheet.row(c.clause(), book.text("ticket.category." + c.category()),
                    c.subcategory() == null ? "" : book.text("ticket.subcategory." + c.subcategory()),
                    c.building() == null ? "" : c.building(), c.department(), ExportRequests.mask(c.duty()),
                    c.normal().dispatchHours(), c.normal().respondHours(), c.normal().resolveHours(),
                    c.urgent().dispatchHours(), c.urgent().respondHours(), c.urgent().resolveHours());
        }
        book.finish();
    }
}
