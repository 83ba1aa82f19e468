package org.shouwang.insights;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.shouwang.shared.CampusTime;
import org.springframework.context.MessageSource;

/**
 * The one way exports write xlsx: a workbook of sheets, each a bold header row (labels from the
 * message bundles) and then rows of values. A value is written by its type: text as is (callers
 * mask identifiers first), numbers as numbers, dates as yyyy-MM-dd, instants as campus time,
 * null as an empty cell, a {@link Formatted} number with its number format.
 */
public final class XlsxSheet {

    /** Times in exports: campus time to the minute. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CampusTime.ZONE);

    /** A number with an Excel number format, such as "0.0%". */
    public record Formatted(Number value, String format) {
    }

    /** A workbook being written to a stream; {@link #finish()} ends it. */
    public static final class Book {

        private final Workbook workbook;
        private final MessageSource messages;
        private final Locale locale;

        private Book(OutputStream out, MessageSource messages, Locale locale) {
            this.workbook = new Workbook(out, "Shouwang", "1.0");
            this.messages = messages;
            this.locale = locale;
        }

        /** A new sheet named by the message {@code name} with the header row of the messages prefix + column. */
        public XlsxSheet sheet(String name, String prefix, String... columns) {
            XlsxSheet sheet = new XlsxSheet(workbook.newWorksheet(text(name)), this);
            String[] labels = new String[columns.length];
            for (int c = 0; c < columns.length; c++) {
                labels[c] = text(prefix + columns[c]);
            }
            return sheet.header(labels);
        }

        /** A new sheet without a header row. */
        public XlsxSheet bare(String name) {
            return new XlsxSheet(workbook.newWorksheet(text(name)), this);
        }

        /** The message of this code in the book's language (the code itself when missing). */
        public String text(String code, Object... args) {
            return messages.getMessage(code, args, code, locale);
        }

        public void finish() {
            try {
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Worksheet sheet;
    private final Book book;
    private int row;

    private XlsxSheet(Worksheet sheet, Book book) {
        this.sheet = sheet;
        this.book = book;
    }

    public static Book book(OutputStream out, MessageSource messages, Locale locale) {
        return new Book(out, messages, locale);
    }

    /** A bold, shaded row of labels; the columns get a width to fit them and the rows above stay frozen. */
    public XlsxSheet header(String... labels) {
        for (int c = 0; c < labels.length; c++) {
            sheet.value(row, c, labels[c]);
            sheet.style(row, c).bold().fillColor("EDEDED").wrapText(true).set();
            sheet.width(c, Math.max(12, Math.min(40, labels[c].length() * 2 + 4)));
        }
        row++;
        sheet.freezePane(0, row);
        return this;
    }

    /** A bold line of text (a title above the header). */
    public XlsxSheet title(String text) {
        sheet.value(row, 0, text);
        sheet.style(row, 0).bold().set();
        row++;
        return this;
    }

    public XlsxSheet width(int column, int width) {
        sheet.width(column, width);
        return this;
    }

    /** The next row, a value per column. */
    public XlsxSheet row(Object... values) {
        for (int c = 0; c < values.length; c++) {
            cell(c, values[c]);
        }
        row++;
        return this;
    }

    /** Makes the last written row bold. */
    public XlsxSheet bold(int columns) {
        for (int c = 0; c < columns; c++) {
            sheet.style(row - 1, c).bold().set();
        }
        return this;
    }

    /** Rows written so far, the header included. */
    public int rows() {
        return row;
    }

    /** A translated label: the message of this code. */
    public String text(String code, Object... args) {
        return book.text(code, args);
    }

    private void cell(int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Formatted f) {
            if (f.value() != null) {
                sheet.value(row, c, f.value());
                sheet.style(row, c).format(f.format()).set();
            }
        } else if (value instanceof Boolean b) {
            sheet.value(row, c, book.text(b ? "export.yes" : "export.no"));
        } else if (value instanceof Number n) {
            sheet.value(row, c, n);
        } else if (value instanceof LocalDateTime t) {
            sheet.value(row, c, TIME.format(t));
        } else if (value instanceof Instant i) {
            sheet.value(row, c, TIME.format(i));
        } else {
            sheet.value(row, c, value.toString());
        }
    }
}
