package org.shouwang.people;

/** The vertical chain, as read-only summaries. */
public final class Structure {

    private Structure() {
    }

    public record Department(long id, String code, String name) {
    }

    public record College(long id, String code, String name, long majors, long classes, long students) {
    }

    public record Major(long id, String code, String name, long collegeId, String college, long classes, long students) {
    }

    public record ClassGroup(long id, String code, String name, int gradeYear, long majorId, String major,
                             long collegeId, String college, Long counsellorId, String counsellor,
                             Long headTeacherId, String headTeacher, long students) {
    }
}
