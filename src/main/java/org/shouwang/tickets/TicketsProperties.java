package org.shouwang.tickets;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the request module ({@code shouwang.tickets.*}).
 *
 * @param psychologyDepartment code of the department that holds psychology requests (the psychology centre)
 * @param crisisWords          words that suggest a crisis, in any language; matched case-insensitively
 * @param hotline              the help line shown to a student in crisis
 * @param defaults             limits when no clause of the list applies (the desk chose the department freely)
 * @param urgentDefaults       the same, for urgent requests (natural hours)
 * @param reminderShare        share of a deadline's time after which the holder is reminded
 * @param supervisionSteps     how long past the deadline supervision rises to level 2 and to level 3
 * @param followUpDays         days a resolved request waits for the follow-up before it closes unrated
 * @param maxPhotos            photos per step
 * @param maxPhotoBytes        bytes per photo
 */
@ConfigurationProperties("shouwang.tickets")
public record TicketsProperties(
        @DefaultValue("XL") String psychologyDepartment,
        @DefaultValue({"自杀", "轻生", "不想活", "结束生命", "自残", "割腕", "跳楼", "suicide", "kill myself", "end my life",
                "self-harm", "want to die"}) List<String> crisisWords,
        @DefaultValue("心理援助热线 400-161-9995（24小时）/ 校心理中心值班电话 0571-8888-1234") String hotline,
        @DefaultValue({"8", "8", "40"}) List<Integer> defaults,
        @DefaultValue({"1", "2", "24"}) List<Integer> urgentDefaults,
        @DefaultValue("0.8") double reminderShare,
        @DefaultValue({"PT8H", "PT24H"}) List<Duration> supervisionSteps,
        @DefaultValue("7") int followUpDays,
        @DefaultValue("6") int maxPhotos,
        @DefaultValue("5242880") int maxPhotoBytes) {

    Limits limits(boolean urgent) {
        List<Integer> h = urgent ? urgentDefaults : defaults;
        return new Limits(h.get(0), h.get(1), h.get(2));
    }

    boolean mentionsCrisis(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return crisisWords.stream().anyMatch(w -> !w.isBlank() && lower.contains(w.toLowerCase(java.util.Locale.ROOT)));
    }
}
