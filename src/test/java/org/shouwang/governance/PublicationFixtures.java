package org.shouwang.governance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files of the kinds documents and honours take, and some they refuse. */
public final class PublicationFixtures {

    private PublicationFixtures() {
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    }

    /** A zip holding word/document.xml: what a Word file is, told by its bytes. */
    public static byte[] docx() {
        return zip("word/document.xml");
    }

    public static byte[] xlsx() {
        return zip("xl/workbook.xml");
    }

    public static byte[] exe() {
        return new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0};
    }

    public static byte[] bigPdf(int megabytes) {
        byte[] data = new byte[megabytes * 1024 * 1024 + 1];
        byte[] head = pdf();
        System.arraycopy(head, 0, data, 0, head.length);
        return data;
    }

    private static byte[] zip(String entry) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
