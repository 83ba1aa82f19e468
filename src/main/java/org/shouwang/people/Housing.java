package org.shouwang.people;

import java.util.Optional;
import java.util.Set;

import org.shouwang.shared.Viewer;

/**
 * Where students live, as the people module needs to know it: for the profile, and for the scope
 * of building managers and building/floor leaders. Implemented by the residence module.
 */
public interface Housing {

    /** Students now living in the buildings or on the floors this viewer manages or leads. */
    Set<Long> residentsServedBy(Viewer viewer);

    Optional<Place> placeOf(long studentId);

    record Place(long buildingId, String building, int floor, long roomId, String room, long bedId, String bed) {
    }
}
