package org.shouwang.web;

import org.shouwang.people.People;
import org.shouwang.residence.Residence;
import org.shouwang.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final People people;
    private final Residence residence;

    HomeController(People people, Residence residence) {
        this.people = people;
        this.residence = residence;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Viewer viewer, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("myClasses", people.classesOf(viewer));
        model.addAttribute("myBuildings", residence.buildingsServedBy(viewer));
        if (viewer.isStaff()) {
            model.addAttribute("campus", CampusFigures.of(people.colleges(), residence.communities()));
        }
        if (viewer.studentId() != null) {
            model.addAttribute("me", people.profile(viewer, viewer.studentId()));
        }
        return "home";
    }
}
