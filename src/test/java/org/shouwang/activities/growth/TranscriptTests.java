package org.shouwang.activities.growth;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.GrowthViews;
import org.shouwang.activities.Transcripts;
import org.shouwang.activities.growth.GrowthFixtures.Student;
import org.shouwang.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class TranscriptTests {

    @Autowired Transcripts transcripts;
    @Autowired GrowthFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired MockMvc mvc;

    @Test
    void theVerificationShowsTheTotalsAsIssuedAndTheHolderMasked() throws Exception {
        Student s = fixtures.freshStudents(1, null, null).get(0);
        fixtures.activity("社区义诊志愿服务", LocalDateTime.of(2019, 3, 16, 9, 0)).type(ActivityType.VOLUNTEER_SERVICE)
                .educations(FiveEducation.LABOUR, FiveEducation.MORAL).hours("3.5", "0.5").attendedBy(List.of(s));
        GrowthViews.Issued issued = transcripts.issueMine(s.viewer());
        assertThat(issued.code()).hasSize(20).matches("[0-9A-HJKMNP-TV-Z]+");
        assertThat(issued.hours()).isEqualByComparingTo("3.5");

        // Attendance recorded after the issue does not change what the transcript certified.
        fixtures.activity("之后参加的讲座", LocalDateTime.of(2019, 4, 2, 19, 0)).hours("2.0", "0.5").attendedBy(List.of(s));

        GrowthViews.Verification v = transcripts.verify(issued.code());
        assertThat(v.maskedName()).isEqualTo(s.name().substring(0, 1) + "*".repeat(Math.max(1, s.name().length() - 1)));
        assertThat(v.maskedNumber()).isEqualTo(s.number().substring(0, 4) + "*".repeat(s.number().length() - 6)
                + s.number().substring(s.number().length() - 2));
        assertThat(v.activities()).isEqualTo(1);
        assertThat(v.hours()).isEqualByComparingTo("3.5");
        assertThat(v.volunteerHours()).isEqualByComparingTo("3.5");
        assertThat(v.credits()).isEqualByComparingTo("0.5");
        assertThat(v.byEducation()).filteredOn(e -> e.education() == FiveEducation.LABOUR).first()
                .extracting(GrowthViews.EducationTotals::hours).isEqualTo(new BigDecimal("3.5"));
        GrowthViews.Document document = transcripts.document(s.viewer(), issued.code());
        assertThat(document.entries()).extracting(GrowthViews.Entry::title).containsExactly("社区义诊志愿服务");

        // Read aloud off paper: dashes, spaces, lower case and an O for a zero are fine.
        String typed = issued.displayCode().toLowerCase(Locale.ROOT).replace('0', 'o').replace("-", " - ");
        assertThat(transcripts.verify(typed).code()).isEqualTo(issued.code());

        // The public page and API need no sign-in and show nothing more than the masked identity.
        mvc.perform(get("/verify/" + issued.code()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(v.maskedName())))
                .andExpect(content().string(containsString(v.maskedNumber())))
                .andExpect(content().string(containsString("id=\"verify-hours\">3.5<")))
                .andExpect(content().string(not(containsString(s.name()))))
                .andExpect(content().string(not(containsString(s.number()))));
        mvc.perform(get("/api/v1/transcripts/" + issued.displayCode()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maskedName").value(v.maskedName()))
                .andExpect(jsonPath("$.hours").value(3.5))
                .andExpect(jsonPath("$.activities").value(1))
                .andExpect(content().string(not(containsString(s.number()))));
    }

    @Test
    void anUnknownCodeIsNotFound() throws Exception {
        assertThatThrownBy(() -> transcripts.verify("ABCD-EFGH-JKMN-PQRS-TVWX")).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/verify/ABCDEFGHJKMNPQRSTVWX"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("没有以验证码 ABCDEFGHJKMNPQRSTVWX 出具的成绩单")));
        mvc.perform(get("/verify/not-a-code-at-all!")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/transcripts/ABCDEFGHJKMNPQRSTVWX")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/verify").param("code", "abcd-efgh")).andExpect(redirectedUrl("/verify/abcd-efgh"));
        mvc.perform(get("/verify")).andExpect(status().isOk()).andExpect(content().string(containsString("verify-form")));
    }

    @Test
    void onlyWhoMayReadTheRecordIssuesOrOpensItsTranscripts() throws Exception {
        List<Student> two = fixtures.freshStudents(2, null, null);
        Student owner = two.get(0);
        Student other = two.get(1);
        fixtures.activity("校园文化节", LocalDateTime.of(2019, 5, 20, 18, 0)).type(ActivityType.FESTIVAL)
                .educations(FiveEducation.AESTHETIC).attendedBy(List.of(owner));
        String code = transcripts.issueMine(owner.viewer()).code();

        assertThatThrownBy(() -> transcripts.issue(other.viewer(), owner.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> transcripts.document(other.viewer(), code)).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/transcripts/" + code).with(users.as(other.number()))).andExpect(status().isNotFound());
        mvc.perform(get("/transcripts/" + code + "/pdf").with(users.as(other.number()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/transcripts/" + code + "/pdf").with(users.as(other.number()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/transcripts/" + code + "/document").with(users.as("leader"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/students/" + owner.id() + "/transcripts").with(users.as(other.number())).with(csrf()))
                .andExpect(status().isNotFound());
        // The PDF is not public, only the verification.
        mvc.perform(get("/api/v1/transcripts/" + code + "/pdf")).andExpect(status().isUnauthorized());
        mvc.perform(get("/transcripts/" + code)).andExpect(status().is3xxRedirection());

        mvc.perform(get("/transcripts/" + code).with(users.as(owner.number())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("校园文化节")))
                .andExpect(content().string(containsString("/verify/" + code)))
                .andExpect(content().string(containsString("<svg")));
        mvc.perform(get("/api/v1/transcripts/" + code + "/document").with(users.as("affairs"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.student.name").value(owner.name()));
    }

    @Test
    void issuingFromThePageOrTheApiGivesACodeAndItsAddresses() throws Exception {
        Student s = fixtures.freshStudents(1, null, null).get(0);
        fixtures.activity("职业规划讲座", LocalDateTime.of(2019, 10, 9, 19, 0)).attendedBy(List.of(s));

        MvcResult page = mvc.perform(post("/growth/transcripts").with(users.as(s.number())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = page.getResponse().getRedirectedUrl();
        assertThat(location).matches("/transcripts/[0-9A-Z]{20}");
        mvc.perform(get("/growth").with(users.as(s.number())))
                .andExpect(content().string(containsString(location)));

        mvc.perform(post("/api/v1/me/transcripts").with(users.as(s.number())).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/transcripts/")))
                .andExpect(jsonPath("$.hours").value(2.0))
                .andExpect(jsonPath("$.verificationUrl", containsString("/verify/")))
                .andExpect(jsonPath("$.pdfUrl", endsWith("/pdf")));
        mvc.perform(post("/api/v1/students/" + s.id() + "/transcripts").with(users.as("affairs")).with(csrf()))
                .andExpect(status().isCreated());
    }

    @Test
    void thePdfCarriesTheNameTheHoursAndTheVerificationAddressAsText() throws Exception {
        Student s = fixtures.freshStudents(1, null, null).get(0);
        fixtures.activity("求是讲堂：大国工匠", LocalDateTime.of(2020, 10, 14, 19, 0)).series("求是讲堂")
                .educations(FiveEducation.MORAL, FiveEducation.INTELLECTUAL).hours("2.5", "0.5").attendedBy(List.of(s));
        fixtures.activity("垃圾分类志愿督导", LocalDateTime.of(2021, 3, 6, 8, 0)).type(ActivityType.VOLUNTEER_SERVICE)
                .educations(FiveEducation.LABOUR).hours("4.0", "0.5").attendedBy(List.of(s));
        String code = transcripts.issueMine(s.viewer()).code();

        MvcResult result = mvc.perform(get("/transcripts/" + code + "/pdf").with(users.as(s.number())))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn();
        byte[] pdf = result.getResponse().getContentAsByteArray();
        // Kept to look at (pdftoppm target/screenshots/transcript.pdf …): PDFBox cannot stand in a Chinese font for the
        // non-embedded STSong-Light, poppler, PDFium and Acrobat do.
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "transcript.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("第二课堂成绩单", s.name(), s.number(), "求是讲堂：大国工匠", "垃圾分类志愿督导", "6.5", "志愿时长",
                    "2020–2021 第一学期", Transcripts.display(code), "/verify/" + code);
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }

        byte[] english = mvc.perform(get("/api/v1/transcripts/" + code + "/pdf").with(users.as(s.number()))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(english)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Volunteer hours", s.name(), "2020–2021 autumn");
        }
    }
}
