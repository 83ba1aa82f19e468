package org.shouwang.demo;

import java.util.List;

/**
 * A generated campus, in the shape the rosters of a real university have: everything is keyed by
 * natural keys (codes, staff and student numbers) so it can be written to the database or to an
 * import file alike.
 */
public record Campus(List<Department> departments, List<College> colleges, List<Major> majors, List<Staff> staff,
                     List<ClassGroup> classes, List<Student> students, Community community, List<Building> buildings,
                     List<Room> rooms, List<Stay> stays) {

    public record Department(String code, String name) {
    }

    public record College(String code, String name) {
    }

    public record Major(String code, String name, String collegeCode) {
    }

    public record Staff(String number, String name, String gender, String phone, String departmentCode,
                        String collegeCode, String title) {
    }

    public record ClassGroup(String code, String name, int gradeYear, String majorCode, String counsellorNumber,
                             String headTeacherNumber) {
    }

    public record Student(String number, String name, String gender, String classCode, String idCard, String phone,
                          String politicalStatus) {
    }

    public record Community(String code, String name) {
    }

    public record Building(String code, String name, String gender, int floors, String managerNumber) {
    }

    public record Room(String buildingCode, int floor, String number, String kind, String gender, int capacity) {
    }

    /** A student in a bed: building, room number, bed label. */
    public record Stay(String studentNumber, String buildingCode, String room, String bed) {
    }
}
