package org.shouwang.governance.web;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.governance.DocumentDraft;
import org.shouwang.governance.DocumentFormat;
import org.shouwang.governance.DocumentKind;
import org.shouwang.governance.DocumentVersionDraft;
import org.shouwang.governance.Documents;
import org.shouwang.governance.HonourDraft;
import org.shouwang.governance.HonourHolderKind;
import org.shouwang.governance.HonourLevel;
import org.shouwang.governance.Honours;
import org.shouwang.governance.PublicationFixtures;
import org.shouwang.shared.CampusTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The document and honour pages: what a student reads, what editors do, and what everyone else is refused. */
@IntegrationTest
class PublicationPagesTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Documents documents;
    @Autowired Honours honours;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void aStudentReadsTheDocumentListTheLatestVersionAndAnEarlierOneWithTheTextEscaped() throws Exception {
        long id = documents.create(users.viewer("affairs"), new DocumentDraft("测试页·文明公约", DocumentKind.RULES, null),
                new DocumentVersionDraft("# 公约\n<script>alert(1)</script> 第一版", DocumentFormat.MARKDOWN, "首次", null));
        documents.publish(users.viewer("affairs"), id);
        documents.draft(users.viewer("affairs"), id, new DocumentVersionDraft("# 公约\n第二版", DocumentFormat.MARKDOWN, "精简", null));
        documents.publish(users.viewer("leader"), id);
        documents.draft(users.viewer("affairs"), id, new DocumentVersionDraft("秘密草稿", DocumentFormat.PLAIN, null, null));

        mvc.perform(get("/documents").with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("测试页·文明公约"), containsString("id=\"responsibility-link\""),
                        containsString("href=\"/responsibilities\""), not(containsString("id=\"new-document\"")))));
        mvc.perform(get("/documents/" + id).with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("第二版"), containsString("id=\"version-history\""),
                        containsString("/documents/" + id + "/versions/1"), not(containsString("秘密草稿")),
                        not(containsString("id=\"draft-box\"")))));
        mvc.perform(get("/documents/" + id + "/versions/1").with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt; 第一版"),
                        not(containsString("<script>alert(1)")), containsString("id=\"superseded-badge\""))));
        mvc.perform(get("/documents/" + id + "/versions/3").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/documents/" + id + "/versions/3").with(users.as("leader"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("秘密草稿")));
    }

    @Test
    void studentsAndCounsellorsAreRefusedTheDocumentAndHonourForms() throws Exception {
        long id = documents.idByTitle("守望学生社区“一站式”综合管理模式建设实施方案").orElseThrow();
        for (String who : new String[] {"student", "counsellor"}) {
            mvc.perform(get("/documents/new").with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/documents/" + id + "/draft").with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(post("/documents/" + id + "/draft/publish").with(users.as(who)).with(csrf())).andExpect(status().isNotFound());
            mvc.perform(post("/documents").param("title", "x").param("kind", "RULES").param("text", "x")
                    .with(users.as(who)).with(csrf())).andExpect(status().isNotFound());
            mvc.perform(get("/honours/new").with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(post("/honours").param("title", "x").with(users.as(who)).with(csrf())).andExpect(status().isNotFound());
        }
    }

    @Test
    void anEditorCreatesADocumentWithAFileAndABadFileIsShownBesideItsField() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM document", Long.class);
        mvc.perform(multipart("/documents").file(new MockMultipartFile("file", "病毒.exe", "application/pdf", PublicationFixtures.exe()))
                        .param("title", "").param("kind", "RULES").param("text", "正文").param("format", "MARKDOWN")
                        .with(users.as("affairs")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"title-error\""), containsString("id=\"file-error\""))));
        mvc.perform(multipart("/documents").param("title", "x").param("kind", "NOPE").param("departmentId", "abc").param("text", "x")
                        .with(users.as("affairs")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"kind-error\""), containsString("id=\"departmentId-error\""))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document", Long.class)).isEqualTo(before);

        mvc.perform(multipart("/documents").file(new MockMultipartFile("file", "清单.xlsx", "application/octet-stream",
                                PublicationFixtures.xlsx()))
                        .param("title", "测试页·值班表").param("kind", "OTHER").param("text", "见附件").param("format", "PLAIN")
                        .param("changeNote", "首次").with(users.as("affairs")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/documents/*"));
        long id = documents.idByTitle("测试页·值班表").orElseThrow();
        mvc.perform(post("/documents/" + id + "/draft/publish").with(users.as("affairs")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/documents/" + id + "/versions/1/file").with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().bytes(PublicationFixtures.xlsx()));
        mvc.perform(get("/documents/" + id + "/draft").with(users.as("affairs"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("见附件")));
    }

    @Test
    void aStudentSeesHonoursFilteredWithCountsAndAnHonourWithItsEvidence() throws Exception {
        long id = honours.record(users.viewer("affairs"), new HonourDraft("测试页·省级优秀学生社团", "共青团省委", HonourLevel.PROVINCIAL,
                CampusTime.today(clock), HonourHolderKind.UNIVERSITY, null, null, "学生社区", "https://example.org/x"), null);
        mvc.perform(get("/honours?level=PROVINCIAL&holder=UNIVERSITY&year=" + CampusTime.today(clock).getYear()).with(users.as("student")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("测试页·省级优秀学生社团"), containsString("id=\"counts-by-level\""),
                        containsString("id=\"counts-by-year\""), not(containsString("id=\"new-honour\"")))));
        mvc.perform(get("/honours?level=NATIONAL&year=banana").with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("测试页·省级优秀学生社团"))));
        mvc.perform(get("/honours/" + id).with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("https://example.org/x"), not(containsString("id=\"edit-honour\"")))));
        mvc.perform(get("/honours/" + id).with(users.as("affairs"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"edit-honour\"")));
        mvc.perform(get("/honours/" + id + "/edit").with(users.as("affairs"))).andExpect(status().isOk());
    }

    @Test
    void anEditorRecordsAnHonourForAStudioAndMistakesAreShownBesideTheirFields() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM honour", Long.class);
        mvc.perform(multipart("/honours").file(new MockMultipartFile("evidence", "x.docx", "image/png", PublicationFixtures.docx()))
                        .param("title", " ").param("awardingBody", "省教育厅").param("level", "PROVINCIAL")
                        .param("awardedOn", CampusTime.today(clock).plusDays(3).toString()).param("holder", "STUDIO:987654")
                        .with(users.as("affairs")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"title-error\""), containsString("id=\"awardedOn-error\""),
                        containsString("id=\"holder-error\""), containsString("id=\"evidence-error\""))));
        mvc.perform(multipart("/honours").param("title", "x").param("awardingBody", "y").param("level", "COSMIC")
                        .param("awardedOn", "yesterday").param("holder", "STUDIO:abc").with(users.as("affairs")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"level-error\""), containsString("id=\"awardedOn-error\""),
                        containsString("id=\"holder-error\""))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM honour", Long.class)).isEqualTo(before);

        String studio = jdbc.queryForObject("SELECT min(id) FROM studio", Long.class).toString();
        mvc.perform(multipart("/honours").file(new MockMultipartFile("evidence", "证书.pdf", "application/pdf", PublicationFixtures.pdf()))
                        .param("title", "测试页·示范工作室").param("awardingBody", "省教育厅").param("level", "PROVINCIAL")
                        .param("awardedOn", CampusTime.today(clock).toString()).param("holder", "STUDIO:" + studio)
                        .with(users.as("affairs")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/honours/*"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM honour WHERE title = '测试页·示范工作室' AND holder_id = ?", Long.class,
                Long.valueOf(studio))).isEqualTo(1);
    }
}
