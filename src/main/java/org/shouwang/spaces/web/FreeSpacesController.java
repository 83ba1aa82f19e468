package org.shouwang.spaces.web;

import org.shouwang.shared.Viewer;
import org.shouwang.spaces.FreeSpaces;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Find a free study seat now". */
@Controller
class FreeSpacesController {

    private final FreeSpaces free;

    FreeSpacesController(FreeSpaces free) {
        this.free = free;
    }

    @GetMapping("/spaces/free")
    String free(Viewer viewer, Model model) {
        model.addAttribute("spaces", free.now(viewer));
        return "spaces-usage/free";
    }
}
