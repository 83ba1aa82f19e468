package org.shouwang.people.web;

import org.shouwang.people.People;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages of the vertical chain: colleges → majors → classes → students, search and profiles. */
@Controller
class PeopleController {

    static final int PAGE_SIZE = 30;

    private final People people;

    PeopleController(People people) {
        this.people = people;
    }

    @GetMapping("/colleges")
    String colleges(Viewer viewer, Model model) {
        viewer.requireStaff();
        model.addAttribute("colleges", people.colleges());
        return "people/colleges";
    }

    @GetMapping("/colleges/{id}")
    String college(Viewer viewer, @PathVariable long id, Model model) {
        viewer.requireStaff();
        model.addAttribute("college", people.college(id));
        model.addAttribute("majors", people.majors(id));
        return "people/college";
    }

    @GetMapping("/majors/{id}")
    String major(Viewer viewer, @PathVariable long id, Model model) {
        viewer.requireStaff();
        model.addAttribute("major", people.major(id));
        model.addAttribute("classes", people.classesOfMajor(id));
        return "people/major";
    }

    @GetMapping("/classes/mine")
    String myClasses(Viewer viewer, Model model) {
        model.addAttribute("classes", people.classesOf(viewer));
        return "people/my-classes";
    }

    @GetMapping("/classes/{id}")
    String classGroup(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        viewer.requireStaff();
        model.addAttribute("classGroup", people.classGroup(id));
        if (people.seesClass(viewer, id)) {
            model.addAttribute("students", people.searchStudents(viewer, "", id, Math.max(page, 0), 100));
        }
        return "people/class";
    }

    @GetMapping("/students")
    String students(Viewer viewer, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("students", people.searchStudents(viewer, q, null, Math.max(page, 0), PAGE_SIZE));
        return htmx != null ? "people/students :: results" : "people/students";
    }

    @GetMapping("/students/{id}")
    String student(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("student", people.profile(viewer, id));
        return "people/student";
    }

    @GetMapping("/me")
    String me(Viewer viewer) {
        if (viewer.studentId() == null) {
            throw new NotFoundException("student", "me");
        }
        return "redirect:/students/" + viewer.studentId();
    }

}
