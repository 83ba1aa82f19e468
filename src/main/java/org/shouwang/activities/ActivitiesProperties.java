package org.shouwang.activities;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the activities module ({@code shouwang.activities.*}).
 *
 * @param zone              the campus time zone: forms and semesters are in it
 * @param tokenPeriod       how long one check-in QR code is good for before the next replaces it
 * @param checkInOpensBefore how long before the start students may check in
 * @param lateEntryDays     working days after the end within which an organiser may enter attendance late (补录)
 * @param appealDays        days after the end within which a student marked absent may appeal
 * @param maxPhotos         photos of one activity
 * @param maxPhotoBytes     bytes per photo
 */
@ConfigurationProperties("shouwang.activities")
public record ActivitiesProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("PT15S") Duration tokenPeriod,
        @DefaultValue("PT30M") Duration checkInOpensBefore,
        @DefaultValue("5") int lateEntryDays,
        @DefaultValue("7") int appealDays,
        @DefaultValue("12") int maxPhotos,
        @DefaultValue("5242880") int maxPhotoBytes) {
}
