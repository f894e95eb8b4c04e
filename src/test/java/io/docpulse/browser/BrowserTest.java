package io.docpulse.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.docpulse.TestSites;
import io.docpulse.config.Config;
import io.docpulse.serve.DevServer;

/**
 * The built site in a real headless browser: Debian's chromium, driven through chromium-driver
 * (installed by .ci/run when missing; nothing is downloaded at run time).
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static WebDriver browser;
    static Path site;
    static Path content;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        // in CI the browser must be there (.ci/run installs it); elsewhere the tests wait for it
        if (System.getenv("CI") == null) assumeTrue(present, "chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--allow-file-access-from-files", "--window-size=1200,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);

        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Handbook\n\n- [Onboarding](onboarding/first-week.md)\n- [Diagrams](diagrams.md)\n");
        f.put("onboarding/first-week.md", "---\ndescription: The first week.\n---\n\n# Your first week\n\n"
                + "## Accounts\n\nAsk Sam for the VPN password.\n\n```java\nclass A {}\n```\n");
        f.put("diagrams.md", "# Diagrams\n\n```mermaid\ngraph TD; A-->B;\n```\n\n> [!NOTE]\n> A note.\n\n"
                + "- [x] done\n- [ ] to do\n\n| A | B |\n| --- | --- |\n| " + "wide ".repeat(60) + "| b |\n\n"
                + "```yaml\n# a comment\nkey: \"" + "long ".repeat(60) + "\"\n```\n");
        content = TestSites.write(dir.resolve("content"), f);
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        site = dir.resolve("out");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    private static List<String> severe() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) out.add(e.getMessage());
        }
        return out;
    }

    @org.junit.jupiter.api.BeforeEach
    void clearLog() {
        severe();
    }

    @Test
    void everyPageOpensFromDiskWithoutJavaScriptErrors() throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.getFileName().toString().equals("index.html")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(5);
        for (Path p : pages) {
            browser.get(p.toUri().toString());
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "complete".equals(
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
            assertThat(severe()).as(site.relativize(p).toString()).isEmpty();
        }
        // a link between pages, followed from disk, lands on the page (the theme points folder links at index.html)
        browser.get(site.resolve("index.html").toUri().toString());
        browser.findElement(By.linkText("Onboarding")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Your first week"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your first week");
    }

    @Test
    void theHealthTableSortsByAColumn() {
        browser.get(site.resolve("health/pages/index.html").toUri().toString());
        List<WebElement> heads = browser.findElements(By.cssSelector("table.health-pages thead th button"));
        assertThat(heads).isNotEmpty();
        WebElement page = heads.get(0);
        page.click();
        List<String> titles = browser.findElements(By.cssSelector("table.health-pages tbody th a")).stream()
                .map(WebElement::getText).toList();
        assertThat(titles).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        page.click();
        List<String> reversed = browser.findElements(By.cssSelector("table.health-pages tbody th a")).stream()
                .map(WebElement::getText).toList();
        assertThat(reversed).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
        assertThat(severe()).isEmpty();
    }

    @Test
    void servedPagesReloadWhenTheFileIsSaved() throws Exception {
        Config cfg = Config.defaults().withCacheDir(dir.resolve("serve-cache").toString());
        try (DevServer server = new DevServer(content, () -> cfg, 2, "127.0.0.1", 0,
                new PrintWriter(new StringWriter(), true))) {
            browser.get("http://127.0.0.1:" + server.port() + "/onboarding/first-week/");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your first week");
            // wait until the page listens for reloads, then save the file
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return window.docpulseLiveReload === true")));
            Files.writeString(content.resolve("onboarding/first-week.md"),
                    "---\ndescription: The first week.\n---\n\n# Your first week, revised\n\nNew text.\n");
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> d.findElement(By.tagName("h1")).getText().equals("Your first week, revised"));
            assertThat(severe()).isEmpty();
        }
    }

    /** axe-core, fetched from npm by .ci/run into the user's cache (tests themselves stay offline). */
    private static String axe() throws IOException {
        Path file = Path.of(System.getProperty("docpulse.axe",
                System.getProperty("user.home") + "/.cache/docpulse-tests/axe-core-4.10.2/axe.min.js"));
        if (System.getenv("CI") == null) assumeTrue(Files.isRegularFile(file), "axe-core not fetched: run .ci/run once");
        return Files.readString(file);
    }

    @Test
    void noSeriousOrCriticalAccessibilityViolations() throws IOException {
        String axe = axe();
        for (String page : List.of("index.html", "onboarding/first-week/index.html", "diagrams/index.html", "404.html",
                "health/index.html",
                "health/pages/index.html")) {
            browser.get(site.resolve(page).toUri().toString());
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(axe);
            Object result = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                            + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                            + "    .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) {"
                            + "      return n.target.join(' '); }).slice(0, 3).join(', '); }));"
                            + "}).catch(function (e) { done(['axe failed: ' + e]); });");
            assertThat((List<?>) result).as(page).isEmpty();
        }
    }
}
