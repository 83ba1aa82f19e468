package org.shouwang.spaces;

import java.time.Clock;
import java.util.List;

import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Photo;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of a space: its managers upload up to {@link #MAX_PHOTOS} images (JPEG, PNG, GIF or WebP,
 * at most {@link #MAX_BYTES} each) and remove them; everyone signed in sees them.
 */
@Service
@Transactional
public class SpacePhotos {

    public static final int MAX_PHOTOS = 6;
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final Spaces spaces;
    private final Clock clock;

    SpacePhotos(JdbcClient jdbc, Spaces spaces, Clock clock) {
        this.jdbc = jdbc;
        this.spaces = spaces;
        this.clock = clock;
    }

    /** The ids of the space's photos, in upload order; 404 for a space that is not there. */
    @Transactional(readOnly = true)
    public List<Long> list(long spaceId) {
        spaces.space(spaceId);
        return jdbc.sql("SELECT id FROM space_photo WHERE space_id = ? ORDER BY id").param(spaceId).query(Long.class).list();
    }

    @Transactional(readOnly = true)
    public Photo photo(long spaceId, long photoId) {
        return jdbc.sql("SELECT content_type, data FROM space_photo WHERE id = ? AND space_id = ?").params(photoId, spaceId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> new NotFoundException("photo", photoId));
    }

    /** A manager of the space adds photos; all or none. Returns the new ids. */
    public List<Long> add(Viewer viewer, long spaceId, List<Photo> photos) {
        spaces.requireManager(viewer, spaceId);
        if (photos.isEmpty()) {
            throw new InvalidInput("photos", "field.required");
        }
        jdbc.sql("SELECT id FROM space WHERE id = ? FOR UPDATE").param(spaceId).query(Long.class).single();
        long held = jdbc.sql("SELECT count(*) FROM space_photo WHERE space_id = ?").param(spaceId).query(Long.class).single();
        if (held + photos.size() > MAX_PHOTOS) {
            throw new InvalidInput("photos", "photo.tooMany", MAX_PHOTOS);
        }
        Photo.check(photos, MAX_PHOTOS, MAX_BYTES);
        List<Long> ids = new java.util.ArrayList<>();
        for (Photo p : photos) {
            jdbc.sql("INSERT INTO space_photo (space_id, content_type, data, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(spaceId, p.contentType(), p.data(), viewer.accountId(), Timestamps.of(clock.instant())).update();
            ids.add(jdbc.sql("SELECT max(id) FROM space_photo WHERE space_id = ?").param(spaceId).query(Long.class).single());
        }
        return ids;
    }

    public void remove(Viewer viewer, long spaceId, long photoId) {
        spaces.requireManager(viewer, spaceId);
        if (jdbc.sql("DELETE FROM space_photo WHERE id = ? AND space_id = ?").params(photoId, spaceId).update() == 0) {
            throw new NotFoundException("photo", photoId);
        }
    }

    /** Whether the viewer may add and remove photos of the space. */
    @Transactional(readOnly = true)
    public boolean mayChange(Viewer viewer, long spaceId) {
        return spaces.manages(viewer, spaceId);
    }
}
