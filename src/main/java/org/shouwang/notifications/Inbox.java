package org.shouwang.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Page;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's notices: only their own, newest first; another's notice does not exist for them. */
@Service
public class Inbox {

    public static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;
    private final NoticeText text;
    private final Clock clock;

    Inbox(JdbcClient jdbc, NoticeText text, Clock clock) {
        this.jdbc = jdbc;
        this.text = text;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Notification> of(Viewer viewer, int page, int size, Locale locale) {
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 100);
        List<Notification> items = jdbc.sql("""
                        SELECT id, notice_key, message_code, args, link, created_at, read_at FROM notification
                        WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(viewer.accountId(), s, (long) p * s)
                .query((rs, n) -> {
                    List<String> args = NoticeText.split(rs.getString("args"));
                    String code = rs.getString("message_code");
                    return new Notification(rs.getLong("id"), rs.getString("notice_key"), text.render(code, args, locale),
                            code, args, rs.getString("link"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "read_at"));
                })
                .list();
        long total = items.size() < s && (p == 0 || !items.isEmpty()) ? (long) p * s + items.size()
                : jdbc.sql("SELECT count(*) FROM notification WHERE account_id = ?").param(viewer.accountId()).query(Long.class).single();
        return new Page<>(items, p, s, total);
    }

    /** Notices the account has not opened yet; cheap (an index range), asked on every page. */
    @Transactional(readOnly = true)
    public long unread(long accountId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE account_id = ? AND read_at IS NULL")
                .param(accountId).query(Long.class).single();
    }

    /** Marks the notice read and answers where it leads: a path of this site, else the inbox itself. */
    @Transactional
    public String open(Viewer viewer, long id) {
        String link = jdbc.sql("SELECT link FROM notification WHERE id = ? AND account_id = ?")
                .params(id, viewer.accountId()).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("notification", id));
        markRead(viewer, id);
        return isLocalPath(link) ? link : "/notifications";
    }

    @Transactional
    public void markRead(Viewer viewer, long id) {
        int found = jdbc.sql("UPDATE notification SET read_at = COALESCE(read_at, ?) WHERE id = ? AND account_id = ?")
                .params(Timestamps.of(clock.instant()), id, viewer.accountId()).update();
        if (found == 0) {
            throw new NotFoundException("notification", id);
        }
    }

    /** @return how many notices were unread */
    @Transactional
    public int markAllRead(Viewer viewer) {
        return jdbc.sql("UPDATE notification SET read_at = ? WHERE account_id = ? AND read_at IS NULL")
                .params(Timestamps.of(clock.instant()), viewer.accountId()).update();
    }

    /** Only paths of this site: never another host, so a notice cannot send a reader away. */
    static boolean isLocalPath(String link) {
        return link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\")
                && link.chars().noneMatch(Character::isISOControl);
    }
}
