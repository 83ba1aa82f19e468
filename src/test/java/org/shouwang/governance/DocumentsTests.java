package org.shouwang.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class DocumentsTests {

    @Autowired Documents documents;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    static DocumentVersionDraft text(String text, String note) {
        return new DocumentVersionDraft(text, DocumentFormat.MARKDOWN, note, null);
    }

    long create(String title) {
        return documents.create(users.viewer("affairs"), new DocumentDraft(title, DocumentKind.RULES, null), text("# 第一版\n正文一", "首次"));
    }

    @Test
    void aPublishedVersionNeverChangesTheNextIsDraftedAndReadersSeeTheLatestAndTheHistory() {
        Viewer affairs = users.viewer("affairs");
        Viewer student = users.viewer("student");
        long id = create("测试·宿舍卫生制度");
        assertThatThrownBy(() -> documents.document(student, id)).isInstanceOf(NotFoundException.class);
        assertThat(documents.list(student, null).documents()).noneMatch(r -> r.id() == id);

        assertThat(documents.publish(users.viewer("leader"), id)).isEqualTo(1);
        assertThat(documents.draft(affairs, id, text("# 第二版\n正文二", "改了第三条"))).isEqualTo(2);
        assertThat(documents.draft(affairs, id, text("# 第二版\n正文二（定稿）", "改了第三条"))).isEqualTo(2);

        DocumentViews.Document read = documents.document(student, id);
        assertThat(read.latest().number()).isEqualTo(1);
        assertThat(read.latest().text()).isEqualTo("# 第一版\n正文一");
        assertThat(read.draft()).isNull();
        assertThat(read.mayEdit()).isFalse();
        assertThatThrownBy(() -> documents.version(student, id, 2)).isInstanceOf(NotFoundException.class);
        assertThat(documents.version(affairs, id, 2).text()).isEqualTo("# 第二版\n正文二（定稿）");

        assertThat(documents.publish(affairs, id)).isEqualTo(2);
        read = documents.document(student, id);
        assertThat(read.latest().number()).isEqualTo(2);
        assertThat(read.latest().publishedOn()).isEqualTo(CampusTime.today(clock));
        assertThat(read.latest().publishedBy()).isNotBlank();
        assertThat(read.history()).extracting(DocumentViews.VersionSummary::number).containsExactly(2, 1);
        assertThat(documents.version(student, id, 1).text()).isEqualTo("# 第一版\n正文一");
        assertThat(documents.list(student, DocumentKind.RULES).documents()).anyMatch(r -> r.id() == id && r.latestVersion() == 2);
        assertThat(jdbc.queryForObject("SELECT body FROM document_version WHERE document_id = ? AND number = 1", String.class, id))
                .isEqualTo("# 第一版\n正文一");
    }

    @Test
    void onlyEditorsDraftAndOnlyEditorsAndLeadersPublish() {
        long id = create("测试·谁能发布");
        for (String who : List.of("student", "counsellor", "manager")) {
            Viewer v = users.viewer(who);
            assertThatThrownBy(() -> documents.create(v, new DocumentDraft("x", DocumentKind.OTHER, null), text("x", null)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> documents.draft(v, id, text("x", null))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> documents.publish(v, id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> documents.discardDraft(v, id)).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> documents.draft(users.viewer("leader"), id, text("x", null))).isInstanceOf(NotFoundException.class);
        documents.publish(users.viewer("leader"), id);
        assertThatThrownBy(() -> documents.publish(users.viewer("admin"), id)).isInstanceOf(RuleViolation.class)
                .hasFieldOrPropertyWithValue("code", "document.noDraft");
    }

    @Test
    void badInputIsAFieldErrorAndNothingIsWritten() {
        Viewer affairs = users.viewer("affairs");
        long before = jdbc.queryForObject("SELECT count(*) FROM document", Long.class);
        assertThatThrownBy(() -> documents.create(affairs, new DocumentDraft("  ", null, 999_999L),
                new DocumentVersionDraft("", DocumentFormat.PLAIN, "x".repeat(501), DocumentFile.of("a.exe", PublicationFixtures.exe()))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::field, InvalidInput.Problem::code)
                        .contains(org.assertj.core.groups.Tuple.tuple("title", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("kind", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("departmentId", "document.unknownDepartment"),
                                org.assertj.core.groups.Tuple.tuple("text", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("changeNote", "field.tooLong"),
                                org.assertj.core.groups.Tuple.tuple("file", "document.file.notAttachment")));
        assertThatThrownBy(() -> documents.create(affairs, new DocumentDraft("大文件", DocumentKind.OTHER, null),
                new DocumentVersionDraft("正文", null, null, DocumentFile.of("big.pdf", PublicationFixtures.bigPdf(10)))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::code).containsExactly("document.file.tooLarge"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document", Long.class)).isEqualTo(before);

        long id = create("测试·发布日期");
        assertThatThrownBy(() -> documents.publishOn(affairs, id, CampusTime.today(clock).plusDays(1)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code()).isEqualTo("document.publishedInFuture"));
        assertThat(documents.document(affairs, id).history()).isEmpty();
    }

    @Test
    void wordExcelAndPdfFilesAreTakenByTheirBytesAndServedWithTheVersion() {
        Viewer affairs = users.viewer("affairs");
        long id = documents.create(affairs, new DocumentDraft("测试·附件", DocumentKind.WORK_REPORT, null),
                new DocumentVersionDraft("见附件", DocumentFormat.PLAIN, null, DocumentFile.of("报告.docx", PublicationFixtures.docx())));
        documents.publish(affairs, id);
        DocumentFile file = documents.file(users.viewer("student"), id, 1);
        assertThat(file.contentType()).isEqualTo(DocumentFile.DOCX);
        assertThat(file.name()).isEqualTo("报告.docx");
        assertThat(DocumentFile.of("x.xlsx", PublicationFixtures.xlsx()).contentType()).isEqualTo(DocumentFile.XLSX);
        assertThat(DocumentFile.of("x.pdf", PublicationFixtures.pdf()).contentType()).isEqualTo(DocumentFile.PDF);

        documents.draft(affairs, id, new DocumentVersionDraft("见新附件", DocumentFormat.PLAIN, "换表格", DocumentFile.of("表.xlsx",
                PublicationFixtures.xlsx())));
        documents.draft(affairs, id, new DocumentVersionDraft("见新附件（改）", DocumentFormat.PLAIN, "换表格", null));
        assertThat(documents.file(affairs, id, 2).name()).as("a draft keeps its file").isEqualTo("表.xlsx");
        assertThatThrownBy(() -> documents.file(users.viewer("student"), id, 2)).isInstanceOf(NotFoundException.class);
        documents.discardDraft(affairs, id);
        assertThat(documents.document(affairs, id).draft()).isNull();
    }

    @Test
    void textIsEscapedBeforeTheLittleMarkdownThereIsIsHonoured() {
        String html = DocumentText.html("# 标题 <script>alert(1)</script>\n- 一 **重点**\n- 二\n\n段落 <img src=x onerror=alert(1)>",
                DocumentFormat.MARKDOWN);
        assertThat(html).contains("<h3>标题 &lt;script&gt;alert(1)&lt;/script&gt;</h3>", "<ul>", "<li>一 <strong>重点</strong></li>",
                "<p>段落 &lt;img src=x onerror=alert(1)&gt;</p>");
        assertThat(html).doesNotContain("<script", "<img");
        assertThat(DocumentText.html("a <b>\nb\n\nc", DocumentFormat.PLAIN)).isEqualTo("<p>a &lt;b&gt;<br>b</p>\n<p>c</p>\n");
    }

    @Test
    void theListLinksThePublishedResponsibilityListOfRequestsAndTheDemoPlanHasTwoVersionsAndADraft() {
        DocumentViews.Listing listing = documents.list(users.viewer("student"), null);
        assertThat(listing.responsibilityList()).isNotNull();
        assertThat(listing.responsibilityList().version()).isPositive();
        assertThat(listing.responsibilityList().link()).isEqualTo("/responsibilities");

        long plan = documents.idByTitle("守望学生社区“一站式”综合管理模式建设实施方案").orElseThrow();
        DocumentViews.Document d = documents.document(users.viewer("student"), plan);
        assertThat(d.latest().number()).isEqualTo(2);
        assertThat(d.history()).hasSize(2);
        assertThat(d.history().get(1).publishedOn()).isBefore(d.history().get(0).publishedOn());
        assertThat(documents.document(users.viewer("affairs"), plan).draft().number()).isEqualTo(3);
        assertThat(d.latest().publishedOn()).isBefore(LocalDate.now(clock).plusDays(1));
    }
}
