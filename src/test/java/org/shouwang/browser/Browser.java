package org.shouwang.browser;

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
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shouwang.DemoUsers;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver) against the running application,
 * whichever test context runs it ({@link BrowserTest} the shared one). The browser asks for
 * Chinese, as a student's phone in China would.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Browser {

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = newBrowser(1280, 900);
    }

    /** Another browser of its own profile (a second person, a phone), to be quit by the caller. */
    WebDriver newBrowser(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--window-size=" + width + "," + height,
                "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    void logIn(String username) {
        logIn(username, DemoUsers.PASSWORD);
    }

    void logIn(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
    }

    /** Waits for an element to show; htmx may swap it while we look, so a stale read is tried again. */
    WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void waitForText(By locator, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    void resize(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
    }

    /** Clicks what a person would tap: scrolled to the middle of the screen first, as a thumb would bring it there. */
    WebElement click(By locator) {
        WebElement element = scrollTo(waitFor(locator));
        element.click();
        return element;
    }

    WebElement scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", element);
        return element;
    }

    /** Types into a field as a person would: scrolled to it, what was there cleared first. */
    void type(By locator, String text) {
        WebElement field = scrollTo(browser.findElement(locator));
        field.clear();
        field.sendKeys(text);
    }

    void assertNoSidewaysScroll() {
        assertNoSidewaysScroll(browser);
    }

    static void assertNoSidewaysScroll(WebDriver driver) {
        Object overflow = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
        assertThat(overflow).as("the page scrolls sideways").isEqualTo(false);
    }

    /** Saves the whole page, not only what fits the screen: the window grows to the page's height for the picture. */
    void wholePage(String name) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Dimension before = browser.manage().window().getSize();
        long chrome = (Long) js.executeScript("return window.outerHeight - window.innerHeight;");
        long height = (Long) js.executeScript("return document.documentElement.scrollHeight;");
        resize(before.getWidth(), (int) Math.min(height + chrome, 4000));
        try {
            screenshot(name);
        } finally {
            resize(before.getWidth(), before.getHeight());
        }
    }

    /** Saves what the browser shows now as target/screenshots/NAME.png (and to -Dscreenshots.dir if given). */
    void screenshot(String name) throws IOException {
        screenshot(browser, name);
    }

    static void screenshot(WebDriver driver, String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), png);
        String dir = System.getProperty("screenshots.dir");
        if (dir != null && !dir.isBlank()) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), png);
        }
    }

    /** SEVERE browser-console entries (but a missing favicon), when the driver offers the log (otherwise none: the page checks stand). */
    List<String> severeConsoleEntries() {
        try {
            return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                    .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> !m.contains("/favicon.ico")).toList();
        } catch (RuntimeException unsupported) {
            return List.of();
        }
    }
}
