package org.shouwang.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled  fill an empty database with the demo campus at start-up (off in the prod profile)
 * @param students how many students the demo campus has
 * @param seed     the same seed gives the same campus
 * @param password the password of every demo account
 * @param requests how many requests the demo term holds (spread over the past eight weeks)
 * @param activities how many activities the demo semester holds (over the past twelve weeks, a tenth upcoming)
 * @param academicYear also fill "the demo year" (the twelve months ending today) at the scale of the seed article:
 *                 about 1,950 requests, every one responded to, and over 400 five-education activities (the
 *                 求是讲堂, master and alumni lectures, club activities, volunteer services, social practice,
 *                 leaders' dinner meetings and afternoon teas…); off by default, see {@link DemoYear}
 */
@ConfigurationProperties("shouwang.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("3000") int students,
                             @DefaultValue("20260901") long seed, @DefaultValue("shouwang2026") String password,
                             @DefaultValue("300") int requests, @DefaultValue("60") int activities,
                             @DefaultValue("false") boolean academicYear) {
}
