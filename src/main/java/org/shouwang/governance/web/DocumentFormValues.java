package org.shouwang.governance.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.shouwang.governance.DocumentFile;
import org.springframework.web.multipart.MultipartFile;

/** What the document and honour forms send besides plain values (see {@link org.shouwang.shared.FormValues}): a year filter, a file. */
final class DocumentFormValues {

    private DocumentFormValues() {
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

}
