package org.shouwang.people.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.people.People;
import org.shouwang.people.StudentProfile;
import org.shouwang.people.StudentSummary;
import org.shouwang.people.Structure;
import org.shouwang.shared.Page;
import org.shouwang.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "People", description = "Colleges, majors, classes, students, departments")
class PeopleApi {

    private final People people;

    PeopleApi(People people) {
        this.people = people;
    }

    @GetMapping("/colleges")
    @Operation(summary = "All colleges with their counts (staff only)")
    List<Structure.College> colleges(Viewer viewer) {
        viewer.requireStaff();
        return people.colleges();
    }

    @GetMapping("/colleges/{id}/majors")
    @Operation(summary = "The majors of a college (staff only)")
    List<Structure.Major> majors(Viewer viewer, @PathVariable long id) {
        viewer.requireStaff();
        people.college(id);
        return people.majors(id);
    }

    @GetMapping("/majors/{id}/classes")
    @Operation(summary = "The classes of a major with grade year, counsellor and head teacher (staff only)")
    List<Structure.ClassGroup> classes(Viewer viewer, @PathVariable long id) {
        viewer.requireStaff();
        people.major(id);
        return people.classesOfMajor(id);
    }

    @GetMapping("/classes/mine")
    @Operation(summary = "The classes the caller counsels or heads")
    List<Structure.ClassGroup> myClasses(Viewer viewer) {
        return people.classesOf(viewer);
    }

    @GetMapping("/classes/{id}")
    @Operation(summary = "A class (staff only)")
    Structure.ClassGroup classGroup(Viewer viewer, @PathVariable long id) {
        viewer.requireStaff();
        return people.classGroup(id);
    }

    @GetMapping("/students")
    @Operation(summary = "Search students by student number (prefix) or name, within the caller's scope")
    Page<StudentSummary> students(Viewer viewer, @RequestParam(defaultValue = "") @Size(max = 50) String q,
                                  @RequestParam(required = false) Long classId,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "30") @Min(1) @Max(200) int size) {
        return people.searchStudents(viewer, q, classId, page, size);
    }

    @GetMapping("/students/{id}")
    @Operation(summary = "A student's profile; identifiers masked unless the caller may see them; 404 outside the caller's scope")
    StudentProfile student(Viewer viewer, @PathVariable long id) {
        return people.profile(viewer, id);
    }

    @GetMapping("/departments")
    @Operation(summary = "The university's departments")
    List<Structure.Department> departments() {
        return people.departments();
    }

}
