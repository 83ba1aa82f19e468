package org.shouwang.governance.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.shouwang.governance.DocumentFile;
import org.shouwang.shared.InvalidInput;
import org.springframework.web.multipart.MultipartFile;

/**
 * Values of the document and honour forms arrive as text: one that is not a number, a date or one
 * of the choices offered becomes a problem on its field, never a 500.
 */
final class DocumentFormValues {

    private DocumentFormValues() {
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static <E extends Enum<E>> E choice(Class<E> type, String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInput.Problem(field, "document.web.unknownValue"));
            return null;
        }
    }

    static Long id(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInput.Problem(field, "document.web.unknownValue"));
            return null;
        }
    }

    static LocalDate date(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput.Problem(field, "document.web.badDate"));
            return null;
        }
    }

    /** A filter value from the address bar: an unknown one is ignored. */
    static <E extends Enum<E>> E filter(Class<E> type, String value) {
        try {
            return blank(value) ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Integer filterYear(String value) {
        try {
            int year = Integer.parseInt(value.strip());
            return year >= 1900 && year <= 2999 ? year : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The uploaded file, or null when none was chosen. */
    static DocumentFile file(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return DocumentFile.of(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
