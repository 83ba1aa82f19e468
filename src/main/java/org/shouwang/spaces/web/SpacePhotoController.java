package org.shouwang.spaces.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Photo;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpacePhotos;
import org.shouwang.spaces.Spaces;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A space's photos: everyone signed in sees them; its managers add and remove them. */
@Controller
class SpacePhotoController {

    private final SpacePhotos photos;
    private final Spaces spaces;
    private final FormErrors errors;

    SpacePhotoController(SpacePhotos photos, Spaces spaces, FormErrors errors) {
        this.photos = photos;
        this.spaces = spaces;
        this.errors = errors;
    }

    @GetMapping("/spaces/{id}/photos")
    String page(Viewer viewer, @PathVariable long id, Model model) {
        return page(viewer, id, model, Map.of());
    }

    private String page(Viewer viewer, long id, Model model, Map<String, String> problems) {
        model.addAttribute("space", spaces.space(id));
        model.addAttribute("photos", photos.list(id));
        model.addAttribute("mayChange", photos.mayChange(viewer, id));
        model.addAttribute("maxPhotos", SpacePhotos.MAX_PHOTOS);
        model.addAttribute("maxMb", SpacePhotos.MAX_BYTES / (1024 * 1024));
        model.addAttribute("errors", problems);
        return "spaces-usage/photos";
    }

    @PostMapping("/spaces/{id}/photos")
    String add(Viewer viewer, @PathVariable long id, @RequestParam(name = "photos", required = false) List<MultipartFile> files,
               Model model, RedirectAttributes flash) {
        try {
            int added = photos.add(viewer, id, of(files)).size();
            flash.addFlashAttribute("done", errors.text("spacePhoto.added", added));
        } catch (InvalidInput e) {
            return page(viewer, id, model, errors.of(e, Set.of("photos")));
        }
        return "redirect:/spaces/" + id + "/photos";
    }

    @PostMapping("/spaces/{id}/photos/{photoId}/delete")
    String remove(Viewer viewer, @PathVariable long id, @PathVariable long photoId, RedirectAttributes flash) {
        photos.remove(viewer, id, photoId);
        flash.addFlashAttribute("done", errors.text("spacePhoto.removed"));
        return "redirect:/spaces/" + id + "/photos";
    }

    @GetMapping("/spaces/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        Photo photo = photos.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff").body(photo.data());
    }

    static List<Photo> of(List<MultipartFile> files) {
        List<Photo> list = new ArrayList<>();
        if (files == null) {
            return list;
        }
        for (MultipartFile file : files) {
            if (file.isEmpty()) {
                continue;
            }
            try {
                list.add(Photo.of(file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return list;
    }
}
