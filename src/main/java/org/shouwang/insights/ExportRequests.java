package org.shouwang.insights;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.PersonalData;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketViews;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The request list a viewer sees on /requests, as xlsx: the same {@link TicketQueries#list} with
 * the same viewer and filter, page after page. The text of a psychology (confidential) request is
 * never written, and phone and ID-card numbers in texts are masked.
 */
@Service
public class ExportRequests {

    private static final int CHUNK = 200;
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)1\\d{10}(?!\\d)");
    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?!\\d)");

    private final TicketQueries queries;
    private final MessageSource messages;

    ExportRequests(TicketQueries queries, MessageSource messages) {
        this.queries = queries;
        this.messages = messages;
    }

    /** The queues of /requests this viewer has, the first being the default (as on the page). */
    public static List<TicketViews.Queue> queuesOf(Viewer viewer) {
        List<TicketViews.Queue> queues = new ArrayList<>(TicketViews.Queue.listedFor(viewer));
        if (viewer.has(Role.DISPATCH_DESK)) {
            queues.add(TicketViews.Queue.DESK);
        }
        if (viewer.has(Role.STUDENT_AFFAIRS)) {
            queues.add(TicketViews.Queue.DECISIONS);
        }
        return queues;
    }

    /** The filter for these parameters; a queue the viewer does not have is refused (404), unknown values are ignored as on the page. */
    public TicketViews.Filter filter(Viewer viewer, String queue, String state, String category, String q,
                                     boolean overdue, boolean supervised) {
        List<TicketViews.Queue> queues = queuesOf(viewer);
        TicketViews.Queue chosen = queues.get(0);
        if (queue != null && !queue.isBlank()) {
            chosen = queues.stream().filter(x -> x.name().equals(queue)).findFirst()
                    .orElseThrow(() -> new NotFoundException("export", "requests"));
        }
        String text = q == null ? "" : q.strip();
        text = text.length() > 50 ? text.substring(0, 50) : text;
        return new TicketViews.Filter(chosen, parse(org.shouwang.tickets.TicketState.class, state),
                parse(Category.class, category), text, overdue, supervised);
    }

    // Every row of the list, in the page's order. (A line comment: Modulith's docs fail on Javadoc of methods taking nested types.)
    public List<TicketViews.Row> rows(Viewer viewer, TicketViews.Filter filter) {
        return ExportRows.all(CHUNK, page -> queries.list(viewer, filter, page, CHUNK));
    }

    public void write(List<TicketViews.Row> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.requests", "export.requests.", "number", "submitted", "category", "state",
                "student", "department", "location", "deadline", "summary").width(8, 60);
        for (TicketViews.Row row : rows) {
            sheet.row(row.number(), row.submittedAt(), msg(locale, "ticket.category." + row.category()),
                    msg(locale, "ticket.state." + row.state()), row.student(), row.department() == null ? "" : row.department(),
                    mask(row.location()), row.deadline(),
                    withheld(row) ? msg(locale, "export.requests.withheld") : mask(row.summary()));
        }
        book.finish();
    }

    // Psychology content never leaves the platform in an export.
    static boolean withheld(TicketViews.Row row) {
        return row.confidential() || row.category() == Category.PSYCHOLOGY;
    }

    /** Phone and ID-card numbers in a free text, masked. */
    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        String t = replace(ID_CARD, text, true);
        return replace(PHONE, t, false);
    }

    private static String replace(Pattern pattern, String text, boolean idCard) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String masked = idCard ? PersonalData.maskIdCard(m.group()) : PersonalData.maskPhone(m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(masked));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String msg(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
