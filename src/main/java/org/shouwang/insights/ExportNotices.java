package org.shouwang.insights;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.shouwang.notifications.Inbox;
import org.shouwang.notifications.Notification;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The inbox of /notifications as xlsx: the viewer's own notices only ({@link Inbox#of}, every page),
 * newest first, each in the viewer's language, read or unread, with where it leads; phone and
 * ID-card numbers in the texts masked.
 */
@Service
public class ExportNotices {

    /** Notices read per query (the inbox gives at most 100 at a time). */
    static final int BATCH = 100;

    private final Inbox inbox;
    private final MessageSource messages;

    ExportNotices(Inbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    public List<Notification> rows(Viewer viewer, Locale locale) {
        return ExportRows.all(BATCH, n -> inbox.of(viewer, n, BATCH, locale));
    }

    public void write(List<Notification> rows, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.notices", "export.notices.", "createdAt", "state", "message", "link", "readAt")
                .width(0, 18).width(2, 70).width(3, 30).width(4, 18);
        for (Notification n : rows) {
            sheet.row(n.createdAt(), book.text(n.isUnread() ? "export.notices.unread" : "export.notices.read"),
                    ExportRequests.mask(n.message()), n.link(), n.readAt());
        }
        book.finish();
    }
}
