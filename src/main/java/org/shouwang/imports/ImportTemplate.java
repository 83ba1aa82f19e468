package org.shouwang.imports;

/** A downloadable template file. */
public record ImportTemplate(String fileName, String contentType, byte[] content) {
}
