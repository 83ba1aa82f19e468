package org.shouwang.tickets;

/** A photo attached to a request or a step of it. */
public record Photo(String contentType, byte[] data) {

    /** A photo as uploaded: its type is told by its first bytes (a non-image is refused when submitted). */
    public static Photo of(byte[] data) {
        String type = Photos.typeOf(data);
        return new Photo(type == null ? "application/octet-stream" : type, data);
    }
}
