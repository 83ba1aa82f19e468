package org.shouwang.tickets.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketState;
import org.shouwang.tickets.TicketViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A student submits a request from the form (staff register one), and bad input comes back on the form, unwritten. */
@IntegrationTest
class RequestSubmitPageTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired TicketQueries queries;

    @Test
    void aStudentSubmitsAWaterLeakWithAPhotoAndSeesItsNumberAtOnce() throws Exception {
        MvcResult submitted = mvc.perform(form("student").file(photo())
                        .param("category", "REPAIRS").param("subcategory", "WATER").param("urgent", "true")
                        .param("text", "卫生间水管漏水，地上全是水").param("roomDetail", "卫生间"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/requests/*"))
                .andReturn();
        long id = idOf(submitted);
        TicketViews.Detail detail = queries.detail(users.viewer("student"), id);
        assertThat(detail.state()).isEqualTo(TicketState.DISPATCHED);
        assertThat(detail.location()).endsWith("· 卫生间");

        long photo = detail.history().get(0).photoIds().get(0);
        mvc.perform(followed(submitted).with(users.as("student")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("你的诉求已提交，编号 " + detail.number())))
                .andExpect(content().string(containsString("已转至后勤保障处办理")))
                .andExpect(content().string(containsString("id=\"request-number\">" + detail.number() + "<")))
                .andExpect(content().string(containsString("/requests/" + id + "/photos/" + photo)))
                .andExpect(content().string(not(containsString("id=\"crisis-banner\""))));
        mvc.perform(get("/requests/" + id + "/photos/" + photo).with(users.as("student")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
    }

    @Test
    void wordsOfCrisisShowTheHotlineAtOnce() throws Exception {
        MvcResult submitted = mvc.perform(form("student")
                        .param("category", "ACADEMICS").param("text", "挂科太多，我真的不想活了"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(submitted.getFlashMap().get("crisisHotline")).asString().contains("400-161-9995");
        mvc.perform(followed(submitted).with(users.as("student")))
                .andExpect(content().string(containsString("id=\"crisis-banner\"")))
                .andExpect(content().string(containsString("400-161-9995")))
                .andExpect(content().string(containsString("心理中心已收到通知")));
    }

    @Test
    void badInputComesBackOnTheFormTranslatedAndNothingIsWritten() throws Exception {
        long before = requests();

        rejected(form("student").param("category", "REPAIRS").param("subcategory", "WATER").param("text", "  "), "text")
                .andExpect(content().string(containsString("请填写内容。")));
        rejected(form("student").param("category", "REPAIRS").param("subcategory", "WATER").param("text", "水".repeat(10_000)), "text")
                .andExpect(content().string(containsString("最多 2000 个字。")));
        rejected(form("student").param("category", "PLUMBING").param("text", "热水器坏了，洗不了澡"), "category")
                .andExpect(content().string(containsString("请从列表中选择。")))
                .andExpect(content().string(containsString("热水器坏了，洗不了澡</textarea>")));
        rejected(form("student").file(new MockMultipartFile("photos", "leak.png", "image/png", "not a picture at all".getBytes()))
                .param("category", "REPAIRS").param("subcategory", "WATER").param("text", "水管漏水"), "photos")
                .andExpect(content().string(containsString("照片须为 JPEG、PNG、GIF 或 WebP 图片。")))
                .andExpect(content().string(containsString("id=\"photos-again\"")));
        rejected(form("student").param("category", "DORM_LIFE").param("text", "大厅的灯一直闪")
                .param("publicSpace", "true").param("buildingId", "987654").param("location", "一楼大厅"), "buildingId")
                .andExpect(content().string(containsString("没有这栋楼。")))
                .andExpect(content().string(containsString("value=\"一楼大厅\"")));
        rejected(form("student").param("category", "REPAIRS").param("text", "门锁坏了"), "subcategory")
                .andExpect(content().string(containsString("请选择报修类型。")));

        // In English for a student who chose English.
        rejected(form("student").cookie(new Cookie("shouwang-lang", "en")).param("category", "OTHER").param("text", ""), "text")
                .andExpect(content().string(containsString("Please write something.")))
                .andExpect(content().string(containsString("Please correct the marked fields.")));

        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void staffRegisterARequestTheyHeardAndBecomeItsOwner() throws Exception {
        String number = jdbc.sql("SELECT student_number FROM student WHERE id = ?")
                .param(users.viewer("student").studentId()).query(String.class).single();
        long before = requests();
        rejected(registration("counsellor").param("studentNumber", "00000000").param("channel", "PHONE")
                .param("category", "FINANCIAL_AID").param("text", "助学金什么时候发"), "studentNumber")
                .andExpect(content().string(containsString("没有学号为 00000000 的学生")));
        rejected(registration("counsellor").param("studentNumber", number).param("channel", "PHONE")
                .param("category", "FINANCIAL_AID").param("text", "助学金什么时候发").param("solvedOnSpot", "true"), "feedback");
        rejected(registration("counsellor").param("studentNumber", number).param("channel", "ONLINE")
                .param("category", "FINANCIAL_AID").param("text", "助学金什么时候发"), "channel");
        assertThat(requests()).isEqualTo(before);

        MvcResult registered = mvc.perform(registration("counsellor").param("studentNumber", number).param("channel", "PHONE")
                        .param("category", "FINANCIAL_AID").param("text", "助学金什么时候发"))
                .andExpect(status().is3xxRedirection()).andReturn();
        TicketViews.Detail detail = queries.detail(users.viewer("counsellor"), idOf(registered));
        assertThat(detail.owner()).isEqualTo(users.viewer("counsellor").displayName());
        assertThat(detail.studentNumber()).isEqualTo(number);
        mvc.perform(get("/requests").param("queue", "OWNED").with(users.as("counsellor")))
                .andExpect(content().string(containsString("data-number=\"" + detail.number() + "\"")));

        MvcResult onSpot = mvc.perform(registration("manager").param("studentNumber", number).param("channel", "IN_PERSON")
                        .param("category", "REPAIRS").param("subcategory", "FURNITURE").param("text", "椅子腿松了")
                        .param("solvedOnSpot", "true").param("feedback", "当场拧紧了螺丝"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(queries.detail(users.viewer("manager"), idOf(onSpot)).state()).isEqualTo(TicketState.CLOSED);
    }

    @Test
    void theFormsAreForThoseWhoMayUseThem() throws Exception {
        mvc.perform(get("/requests/new").with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"my-room\"")))
                .andExpect(content().string(containsString("data-when-category=\"REPAIRS\"")));
        mvc.perform(get("/requests/new").with(users.as("handler"))).andExpect(status().isNotFound());
        mvc.perform(get("/requests/register").with(users.as("counsellor"))).andExpect(status().isOk());
        mvc.perform(get("/requests/register").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(form("handler").param("category", "OTHER").param("text", "x")).andExpect(status().isNotFound());
    }

    private ResultActions rejected(MockMultipartHttpServletRequestBuilder request, String field) throws Exception {
        return mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"" + field + "-error\"")))
                .andExpect(content().string(containsString("id=\"form-error\"")));
    }

    private MockMultipartHttpServletRequestBuilder form(String username) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/requests").with(users.as(username)).with(csrf());
    }

    private MockMultipartHttpServletRequestBuilder registration(String username) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/requests/register").with(users.as(username)).with(csrf());
    }

    private long requests() {
        return jdbc.sql("SELECT count(*) FROM ticket").query(Long.class).single();
    }

    static long idOf(MvcResult redirect) {
        String url = redirect.getResponse().getRedirectedUrl();
        assertThat(url).matches("/requests/\\d+");
        return Long.parseLong(url.substring("/requests/".length()));
    }

    /** The page a redirect leads to, in the same session, so that it shows the flash message as a browser would see it. */
    static MockHttpServletRequestBuilder followed(MvcResult redirect) {
        MockHttpServletRequestBuilder next = get(redirect.getResponse().getRedirectedUrl());
        Cookie[] cookies = redirect.getResponse().getCookies();
        return cookies.length == 0 ? next : next.cookie(cookies);
    }

    static MockMultipartFile photo() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                image.setRGB(x, y, y < 15 ? 0x3a7bd5 : 0xdddddd);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return new MockMultipartFile("photos", "leak.png", "image/png", png.toByteArray());
    }
}
