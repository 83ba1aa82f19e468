package org.shouwang.shared;

import java.util.List;

/** A photo as uploaded to a request, a step of it or an activity: an image, told by its first bytes. */
public record Photo(String contentType, byte[] data) {

    /** A photo as uploaded: its type is told by its first bytes (a non-image is refused by {@link #check}). */
    public static Photo of(byte[] data) {
        String type = typeOf(data);
        return new Photo(type == null ? "application/octet-stream" : type, data);
    }

    /** Photos are images (JPEG, PNG, GIF or WebP, told by their first bytes, not their name), few and small. */
    public static void check(List<Photo> photos, int maxPhotos, long maxBytes) {
        if (photos.size() > maxPhotos) {
            throw new InvalidInput("photos", "photo.tooMany", maxPhotos);
        }
        for (Photo photo : photos) {
            if (photo.data().length > maxBytes) {
                throw new InvalidInput("photos", "photo.tooLarge", maxBytes / (1024 * 1024));
            }
            if (typeOf(photo.data()) == null) {
                throw new InvalidInput("photos", "photo.notAnImage");
            }
        }
    }

    /** The image type the bytes are, or null when they are no image we take. */
    static String typeOf(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }
}
