package org.shouwang.governance;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A file as uploaded to a document version or as an honour's evidence. Its type is told by its
 * first bytes, never by its name: PDF, Word (DOCX), Excel (XLSX), JPEG or PNG.
 */
public record DocumentFile(String name, String contentType, byte[] data) {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    /** Types a document version may carry. */
    static final Set<String> ATTACHMENT_TYPES = Set.of(PDF, DOCX, XLSX);
    /** Types an honour's evidence may be. */
    static final Set<String> EVIDENCE_TYPES = Set.of(PDF, JPEG, PNG);

    /** A file as uploaded; null when nothing was uploaded (no bytes). */
    public static DocumentFile of(String name, byte[] data) {
        if (data == null || data.length == 0) {
            return null;
        }
        String n = name == null || name.isBlank() ? "file" : name.strip().replaceAll("[\\\\/\\r\\n\"]", "_");
        if (n.length() > 200) {
            n = n.substring(n.length() - 200);
        }
        String type = typeOf(data);
        return new DocumentFile(n, type == null ? "application/octet-stream" : type, data);
    }

    /** The type the bytes are, or null when they are none we take. */
    static String typeOf(byte[] b) {
        if (b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
            return PDF;
        }
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return PNG;
        }
        if (b.length > 30 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            // an Office file is a zip whose entry names tell Word from Excel
            String names = new String(b, StandardCharsets.ISO_8859_1);
            if (names.contains("word/")) {
                return DOCX;
            }
            if (names.contains("xl/")) {
                return XLSX;
            }
        }
        return null;
    }

    /** A file of an allowed type and size, else a problem on the field (codes document.file.*). */
    static void check(DocumentFile file, Set<String> types, long maxBytes, String field, org.shouwang.shared.Fields f) {
        if (file == null) {
            return;
        }
        if (file.data().length > maxBytes) {
            f.add(field, "document.file.tooLarge", maxBytes / (1024 * 1024));
        } else if (typeOf(file.data()) == null || !types.contains(typeOf(file.data()))) {
            f.add(field, types.contains(PNG) ? "document.file.notEvidence" : "document.file.notAttachment");
        }
    }
}
