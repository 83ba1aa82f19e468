package org.shouwang.governance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version's text as HTML that is safe to show: every character the author wrote is escaped
 * first, then only a little markdown is honoured (headings #, ##, ###; lists - and 1.; **bold**;
 * blank lines between paragraphs). Plain text keeps its paragraphs and line breaks.
 */
final class DocumentText {

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,3}[.、)]\\s+(.*)$");

    private DocumentText() {
    }

    static String html(String text, DocumentFormat format) {
        String t = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        return format == DocumentFormat.PLAIN ? plain(t) : markdown(t);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String plain(String t) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : t.split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>")).append("</p>\n");
            }
        }
        return html.toString();
    }

    private static String markdown(String t) {
        StringBuilder html = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        String list = null;
        for (String raw : t.split("\n", -1)) {
            String line = raw.strip();
            String item = null;
            String kind = null;
            Matcher numbered = NUMBERED.matcher(line);
            if (line.startsWith("- ") || line.startsWith("* ")) {
                item = line.substring(2);
                kind = "ul";
            } else if (numbered.matches()) {
                item = numbered.group(1);
                kind = "ol";
            }
            if (item == null && list != null) {
                html.append("</").append(list).append(">\n");
                list = null;
            }
            if (line.isEmpty() || line.startsWith("#") || item != null) {
                flush(paragraph, html);
            }
            if (line.isEmpty()) {
                continue;
            }
            if (item != null) {
                if (!kind.equals(list)) {
                    if (list != null) {
                        html.append("</").append(list).append(">\n");
                    }
                    html.append("<").append(kind).append(">\n");
                    list = kind;
                }
                html.append("<li>").append(inline(item)).append("</li>\n");
            } else if (line.startsWith("#")) {
                int level = 0;
                while (level < line.length() && line.charAt(level) == '#') {
                    level++;
                }
                int h = Math.min(level, 3) + 2;
                html.append("<h").append(h).append(">").append(inline(line.substring(level).strip())).append("</h").append(h)
                        .append(">\n");
            } else {
                if (!paragraph.isEmpty()) {
                    paragraph.append("<br>");
                }
                paragraph.append(inline(line));
            }
        }
        flush(paragraph, html);
        if (list != null) {
            html.append("</").append(list).append(">\n");
        }
        return html.toString();
    }

    private static void flush(StringBuilder paragraph, StringBuilder html) {
        if (!paragraph.isEmpty()) {
            html.append("<p>").append(paragraph).append("</p>\n");
            paragraph.setLength(0);
        }
    }

    private static String inline(String s) {
        return BOLD.matcher(escape(s)).replaceAll("<strong>$1</strong>");
    }
}
