package org.shouwang.shared;

/** The roles of DESIGN §6. A person may hold several. */
public enum Role {
    STUDENT,
    COUNSELLOR,
    HEAD_TEACHER,
    BUILDING_MANAGER,
    BUILDING_LEADER,
    FLOOR_LEADER,
    DEPARTMENT_HANDLER,
    /** Heads a department: approves its extensions, first level of supervision. */
    DEPARTMENT_HEAD,
    /** Student affairs (学工部): decides requests returned twice, second level of supervision. */
    STUDENT_AFFAIRS,
    DISPATCH_DESK,
    PSYCHOLOGY_CENTRE,
    STUDIO_STAFF,
    /** The community police office (社区警务室): keeps the safety log, stands duty shifts. */
    POLICE_OFFICER,
    PARTY_SECRETARY,
    LEADER,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
