package org.shouwang.spaces;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Photo;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class SpacePhotoTests {

    /** The first bytes of a PNG and a little more: enough to be told an image. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired SpacePhotos photos;
    @Autowired SpaceFixtures fixtures;
    @Autowired DemoUsers users;

    @Test
    void managersAddUpToSixPhotosEveryoneSeesThemAndOthersCannotChangeThem() {
        long space = fixtures.create(fixtures.studyRoom("照片自习室", false));
        List<Long> added = photos.add(users.viewer("manager"), space, List.of(Photo.of(PNG), Photo.of(PNG)));
        assertThat(photos.list(space)).containsExactlyElementsOf(added);
        assertThat(photos.photo(space, added.get(0)).contentType()).isEqualTo("image/png");

        assertThatThrownBy(() -> photos.add(users.viewer("student"), space, List.of(Photo.of(PNG)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> photos.remove(users.viewer("headteacher"), space, added.get(0))).isInstanceOf(NotFoundException.class);

        List<Photo> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(Photo.of(PNG));
        }
        assertThatThrownBy(() -> photos.add(users.viewer("admin"), space, five))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("photo.tooMany")));
        assertThat(photos.list(space)).hasSize(2);

        photos.remove(users.viewer("manager"), space, added.get(0));
        assertThat(photos.list(space)).containsExactly(added.get(1));
        assertThatThrownBy(() -> photos.photo(space, added.get(0))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFileThatIsNoImageOrTooLargeIsRefusedAndNothingIsWritten() {
        long space = fixtures.create(fixtures.studyRoom("照片校验自习室", false));
        assertThatThrownBy(() -> photos.add(users.viewer("admin"), space, List.of(Photo.of(PNG), Photo.of("not an image".getBytes()))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("photo.notAnImage")));
        byte[] big = new byte[(int) SpacePhotos.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThatThrownBy(() -> photos.add(users.viewer("admin"), space, List.of(Photo.of(big))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("photo.tooLarge")));
        assertThatThrownBy(() -> photos.add(users.viewer("admin"), space, List.of())).isInstanceOf(InvalidInput.class);
        assertThat(photos.list(space)).isEmpty();
        assertThatThrownBy(() -> photos.list(999_999_999L)).isInstanceOf(NotFoundException.class);
    }
}
