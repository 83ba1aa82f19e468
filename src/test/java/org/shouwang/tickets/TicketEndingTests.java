package org.shouwang.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the front line needs of requests: a leader (who has no staff record) registers what a student
 * told them and owns it, and every way a request ends is published once as {@link TicketClosed}.
 */
@IntegrationTest
class TicketEndingTests {

    @Autowired Tickets tickets;
    @Autowired TicketQueries queries;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired MockMvc mvc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aLeaderWithoutAStaffRecordRegistersARequestForAStudentAndOwnsIt() throws Exception {
        Viewer leader = users.viewer("leader");
        assertThat(leader.staffId()).isNull();
        TicketViews.Submitted s = tickets.register(leader, registration(number("student"), "晚餐会上反映：宿舍窗户关不严"), List.of());
        assertThat(queries.detail(leader, s.id()).owner()).isEqualTo(leader.displayName());
        assertThat(queries.sees(leader, s.id())).isTrue();
        mvc.perform(get("/requests/register").with(users.as("leader"))).andExpect(status().isOk());
        mvc.perform(get("/requests/register").with(users.as("student"))).andExpect(status().isNotFound());
    }

    @Test
    void everyWayARequestEndsIsPublishedOnceAndAReopeningIsNot() {
        Viewer student = users.viewer("student");
        Viewer handler = users.viewer("handler");

        long followedUp = submit(student, "卫生间地漏堵了");
        tickets.accept(handler, followedUp, null);
        tickets.resolve(handler, followedUp, "已疏通地漏", List.of(), null);
        tickets.followUp(student, followedUp, new Tickets.FollowUp(true, false, Satisfaction.NOT), null);
        assertThat(endings(followedUp)).isEmpty();
        tickets.accept(handler, followedUp, null);
        tickets.resolve(handler, followedUp, "已更换地漏", List.of(), null);
        tickets.followUp(student, followedUp, new Tickets.FollowUp(true, true, Satisfaction.SATISFIED), null);
        assertThat(endings(followedUp)).containsExactly("CLOSED");

        long onSpot = tickets.register(users.viewer("manager"), new Tickets.Registration(number("student"), Channel.IN_PERSON,
                new Tickets.Submission(Category.REPAIRS, Category.Subcategory.DOOR_LOCK, false, "门锁卡住", null, null), true,
                "当场已调好门锁"), List.of()).id();
        assertThat(endings(onSpot)).containsExactly("CLOSED");

        long withdrawn = submit(student, "台灯插座松了");
        tickets.withdraw(student, withdrawn, "自己修好了", null);
        assertThat(endings(withdrawn)).containsExactly("WITHDRAWN");

        long duplicate = submit(student, "楼道灯不亮");
        long original = submit(student, "三楼楼道灯坏了");
        tickets.merge(users.viewer("dispatch"), duplicate, original, null);
        assertThat(endings(duplicate)).containsExactly("MERGED");
        assertThat(serialized(duplicate)).singleElement().asString().contains("\"mergedIntoId\":" + original);
        assertThat(endings(original)).isEmpty();

        long unrated = submit(student, "阳台晾衣杆松动");
        tickets.accept(handler, unrated, null);
        tickets.resolve(handler, unrated, "已加固晾衣杆", List.of(), null);
        clock.fix(Instant.now().plus(Duration.ofDays(8)));
        tickets.check(unrated);
        assertThat(endings(unrated)).containsExactly("CLOSED");
        tickets.note(handler, unrated, "已电话回访", null);
        assertThat(endings(unrated)).containsExactly("CLOSED");
    }

    private long submit(Viewer student, String text) {
        return tickets.submit(student, new Tickets.Submission(Category.REPAIRS, Category.Subcategory.WATER, false, text, null, null),
                List.of()).id();
    }

    private static Tickets.Registration registration(String number, String text) {
        return new Tickets.Registration(number, Channel.IN_PERSON,
                new Tickets.Submission(Category.DORM_LIFE, null, false, text, null, null), false, null);
    }

    private String number(String username) {
        return jdbc.queryForObject("SELECT s.student_number FROM student s JOIN account a ON a.student_id = s.id WHERE a.username = ?",
                String.class, username);
    }

    /** The states each TicketClosed published for this request says it ended as, in the order published. */
    private List<String> endings(long ticket) {
        return serialized(ticket).stream().map(json -> {
            var m = Pattern.compile("\"state\":\"(\\w+)\"").matcher(json);
            return m.find() ? m.group(1) : json;
        }).toList();
    }

    private List<String> serialized(long ticket) {
        Pattern id = Pattern.compile("\"ticketId\":" + ticket + "\\b");
        // One publication per listener: each event once, however many modules listen.
        return jdbc.queryForList("""
                        SELECT serialized_event FROM event_publication WHERE event_type = ?
                        GROUP BY serialized_event ORDER BY min(publication_date)""", String.class, TicketClosed.class.getName()).stream().filter(json -> id.matcher(json).find()).toList();
    }
}
