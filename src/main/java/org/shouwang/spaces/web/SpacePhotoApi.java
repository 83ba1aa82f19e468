package org.shouwang.spaces.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpacePhotos;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/spaces/{id}/photos")
@Tag(name = "Space photos", description = "Photos of a space: everyone signed in sees them, its managers add and remove them")
class SpacePhotoApi {

    private final SpacePhotos photos;

    SpacePhotoApi(SpacePhotos photos) {
        this.photos = photos;
    }

    @GetMapping
    @Operation(summary = "The ids of the space's photos; each is served at /spaces/{id}/photos/{photoId}")
    List<Long> list(@PathVariable long id) {
        return photos.list(id);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A manager of the space adds photos (JPEG, PNG, GIF or WebP, at most 5 MB each, 6 in all); all or none")
    List<Long> add(Viewer viewer, @PathVariable long id, @RequestPart(name = "photos", required = false) List<MultipartFile> files) {
        return photos.add(viewer, id, SpacePhotoController.of(files));
    }

    @DeleteMapping("/{photoId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "A manager of the space removes a photo")
    void remove(Viewer viewer, @PathVariable long id, @PathVariable long photoId) {
        photos.remove(viewer, id, photoId);
    }
}
