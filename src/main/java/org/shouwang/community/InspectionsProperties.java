package org.shouwang.community;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of inspections ({@code shouwang.inspections.*}).
 *
 * @param rectificationDays days a room has to put its defects right, from the day of the inspection (and again after a failed re-inspection)
 * @param appealDays        days after the inspection within which a resident may appeal a deduction
 * @param civilisedScore    the month's average score from which a room without an unresolved safety hazard is rated civilised (文明宿舍)
 * @param maxPhotos         photos of one room's inspection
 * @param maxPhotoBytes     bytes per photo
 */
@ConfigurationProperties("shouwang.inspections")
public record InspectionsProperties(
        @DefaultValue("7") int rectificationDays,
        @DefaultValue("3") int appealDays,
        @DefaultValue("90") int civilisedScore,
        @DefaultValue("6") int maxPhotos,
        @DefaultValue("5242880") int maxPhotoBytes) {
}
