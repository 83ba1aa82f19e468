package org.shouwang.shared;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is asking: the signed-in account, its roles and the person it stands for. Every query that
 * returns personal data takes a viewer and narrows to what DESIGN §6 lets that viewer see.
 */
public record Viewer(long accountId, String username, String displayName, Set<Role> roles,
                     Long studentId, Long staffId, Long departmentId) implements Serializable {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Holds a staff role: may browse the campus structure (colleges, buildings), not only themself. */
    public boolean isStaff() {
        return roles.stream().anyMatch(r -> r != Role.STUDENT && r != Role.BUILDING_LEADER && r != Role.FLOOR_LEADER);
    }

    /** The campus structure is for staff: anyone else is answered as if there were nothing there. */
    public void requireStaff() {
        if (!isStaff()) {
            throw new NotFoundException("page", "structure");
        }
    }

    public boolean isStudent(long id) {
        return studentId != null && studentId == id;
    }

    /** Implemented by the security principal so that controllers can be handed the viewer. */
    public interface Principal {
        Viewer viewer();
    }
}
