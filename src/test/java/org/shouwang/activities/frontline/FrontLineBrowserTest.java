package org.shouwang.activities.frontline;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front line as people click through it, in a real headless Chromium: a leader on a phone
 * registers an issue a student raised at their dinner meeting and finds it on their record;
 * student affairs, at a desk, sets the leader's yearly target.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontLineBrowserTest {

    @LocalServerPort int port;
    @Autowired FrontLineFixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    WebDriver browser;

    @BeforeAll
    void startBrowser() throws IOException {
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--window-size=1280,900",
                "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aLeaderOnAPhoneRegistersAnIssueAndStudentAffairsSetsTheTarget() throws IOException {
        Viewer leader = fixtures.leader();
        List<Viewer> students = fixtures.students(120, 3);
        long id = fixtures.held(leader, "校长与新生共进晚餐", 1, students, 2);
        int year = FrontLineFixtures.yearOf(fixtures.startsAt(id));

        // The leader, on a phone, opens the issues of the dinner meeting and registers what a student raised.
        logIn(leader.username(), FrontLineFixtures.PASSWORD);
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/activities/" + id + "/issues");
        waitFor(By.id("issue-form"));
        assertThat(browser.findElement(By.id("subcategory-field")).isDisplayed()).isFalse();
        type(By.id("studentNumber"), fixtures.numberOf(students.get(0)));
        new Select(browser.findElement(By.id("category"))).selectByValue("REPAIRS");
        assertThat(browser.findElement(By.id("subcategory-field")).isDisplayed()).isTrue();
        new Select(browser.findElement(By.id("subcategory"))).selectByValue("WATER");
        type(By.id("text"), "宿舍热水器出水忽冷忽热");
        click(By.id("issue-submit"));
        waitFor(By.id("flash-success"));
        WebElement row = waitFor(By.cssSelector("#issue-list [data-request]"));
        assertThat(row.getText()).contains("报修", "宿舍热水器出水忽冷忽热");
        wholePage("phone-front-line-issues");

        // A student number that did not attend: the error stands beside the field.
        type(By.id("studentNumber"), fixtures.numberOf(fixtures.students(400, 1).get(0)));
        new Select(browser.findElement(By.id("category"))).selectByValue("ACADEMICS");
        type(By.id("text"), "想了解转专业政策");
        click(By.id("issue-submit"));
        assertThat(waitFor(By.id("studentNumber-error")).getText()).contains("没有签到，也没有报名本活动");

        // Their record for the year shows the meeting with its attendance and the issue.
        open("/front-line?year=" + year);
        WebElement activity = waitFor(By.cssSelector("[data-activity='" + id + "']"));
        assertThat(activity.getText()).contains("校长与新生共进晚餐", "0/1");
        wholePage("phone-front-line-record");

        // Student affairs, at a desk, sets the leader's target and sees the progress.
        browser.manage().window().setSize(new Dimension(1280, 900));
        logIn("affairs", DemoUsers.PASSWORD);
        open("/front-line?year=" + year);
        new Select(waitFor(By.id("leaderAccountId"))).selectByValue(String.valueOf(leader.accountId()));
        type(By.id("target"), "4");
        click(By.id("target-save"));
        assertThat(waitFor(By.id("flash-success")).getText()).contains("4");
        WebElement card = waitFor(By.cssSelector("[data-leader='" + leader.accountId() + "']"));
        assertThat(card.findElement(By.className("fl-target")).getText()).isEqualTo("4");
        assertThat(card.getText()).contains("已开展 1 场");
        assertThat(card.findElements(By.className("fl-progress"))).hasSize(1);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'});", card);
        screenshot("front-line-affairs");
    }

    // — the browser —

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void logIn(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private void type(By locator, String text) {
        WebElement field = browser.findElement(locator);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'});", field);
        field.clear();
        field.sendKeys(text);
    }

    private void click(By locator) {
        WebElement element = browser.findElement(locator);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'});", element);
        element.click();
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), png);
    }

    /** The whole page: the window grows to the page's height for the picture. */
    private void wholePage(String name) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Dimension before = browser.manage().window().getSize();
        long chrome = (Long) js.executeScript("return window.outerHeight - window.innerHeight;");
        long height = (Long) js.executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + chrome, 4000)));
        try {
            screenshot(name);
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
