package org.shouwang.web;

import java.util.List;

import org.shouwang.people.Structure;
import org.shouwang.residence.ResidenceViews;

/** The campus at a glance, for staff: figures only, no people. */
public record CampusFigures(int colleges, long majors, long classes, long students, long buildings, long beds, long occupied) {

    static CampusFigures of(List<Structure.College> colleges, List<ResidenceViews.Community> communities) {
        return new CampusFigures(colleges.size(),
                colleges.stream().mapToLong(Structure.College::majors).sum(),
                colleges.stream().mapToLong(Structure.College::classes).sum(),
                colleges.stream().mapToLong(Structure.College::students).sum(),
                communities.stream().mapToLong(ResidenceViews.Community::buildings).sum(),
                communities.stream().mapToLong(ResidenceViews.Community::beds).sum(),
                communities.stream().mapToLong(ResidenceViews.Community::occupied).sum());
    }

    public int occupancyPercent() {
        return beds == 0 ? 0 : (int) Math.round(100.0 * occupied / beds);
    }
}
