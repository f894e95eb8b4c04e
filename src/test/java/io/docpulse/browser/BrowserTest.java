package io.docpulse.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.docpulse.TestSites;
import io.docpulse.config.Config;
import io.docpulse.serve.DevServer;

/**
 * The built site in a real headless browser: Debian's chromium, driven through chromium-driver
 * (installed by .ci/run when missing; nothing is downloaded at run time).
 */
class BrowserTest {
    @TempDir
    static Path dir;
    static WebDriver browser;
    static Path site;
    static Path content;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start(1200, 900);

        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Handbook\n\n- [Onboarding](onboarding/first-week.md)\n- [Diagrams](diagrams.md)\n");
        f.put("onboarding/first-week.md", "---\ndescription: The first week.\n---\n\n# Your first week\n\n"
                + "## Accounts\n\nAsk Sam for the VPN password.\n\n## Rota\n\nJoin the on-call rota.\n\n```java\nclass A {}\n```\n");
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
        WebElement page = heads.stream().filter(h -> h.getText().equals("Page")).findFirst().orElseThrow();
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
            // the reload can replace the heading between finding it and reading it: look again
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("h1")).getText().equals("Your first week, revised"));
            assertThat(severe()).isEmpty();
        }
    }

    private static Object js(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void typingInTheSearchBoxAndChoosingAResultOpensTheSection() {
        browser.get(site.resolve("diagrams/index.html").toUri().toString());
        // "/" focuses the box from anywhere on the page
        browser.findElement(By.tagName("body")).sendKeys("/");
        WebElement box = browser.switchTo().activeElement();
        assertThat(box.getAttribute("id")).isEqualTo("site-search-q");
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        box.sendKeys("vpn passw");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("#site-search-list [role=option]")).isEmpty());
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        List<WebElement> options = browser.findElements(By.cssSelector("#site-search-list [role=option]"));
        // the unfinished last word counts as a prefix while typing, and matches are marked
        assertThat(options.get(0).getText()).contains("Your first week").contains("Accounts");
        assertThat(options.get(0).findElements(By.tagName("mark"))).extracting(WebElement::getText)
                .contains("VPN", "password");
        assertThat(browser.findElement(By.cssSelector(".site-search [role=status]")).getAttribute("textContent"))
                .contains("result");
        // Escape closes the list, the arrow keys open it again and choose, Enter follows
        box.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "true".equals(box.getAttribute("aria-expanded")));
        box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("site-search-option-0");
        box.sendKeys(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("first-week"));
        // the page opens with the words of the search marked (?h=)
        assertThat(browser.getCurrentUrl()).endsWith("/onboarding/first-week/index.html?h=vpn+password#accounts");
        assertThat(browser.findElement(By.id("accounts")).getText()).isEqualTo("Accounts");
        assertThat(severe()).isEmpty();
    }

    @Test
    void theSearchPageWorksFromDiskAndCanBeBookmarked() {
        browser.get(site.resolve("search/index.html").toUri() + "?q=" + "%22vpn+password%22+-diagrams");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("#search-results li")).isEmpty());
        List<WebElement> results = browser.findElements(By.cssSelector("#search-results li a.result-title"));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).getAttribute("href")).endsWith("/onboarding/first-week/index.html?h=vpn+password#accounts");
        assertThat(browser.findElement(By.id("search-page-q")).getAttribute("value")).isEqualTo("\"vpn password\" -diagrams");
        assertThat(browser.findElement(By.id("search-status")).getText()).isEqualTo("1 result.");
        // the table of contents steps aside while there are results
        assertThat(browser.findElement(By.id("search-contents")).isDisplayed()).isFalse();

        // a new query goes to the search page, with the query in its address; the page's own box
        // stands in for the header's
        assertThat(browser.findElement(By.id("site-search-q")).isDisplayed()).isFalse();
        WebElement box = browser.findElement(By.id("search-page-q"));
        box.clear();
        box.sendKeys("diagram note", org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("q=diagram"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("#search-results li")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#search-results li a")).getAttribute("href"))
                .contains("/diagrams/index.html");

        // a form the docs never use finds what its stem finds, as in the terminal
        browser.get(site.resolve("search/index.html").toUri() + "?q=passwords");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("#search-results li")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#search-results li a")).getAttribute("href")).endsWith("#accounts");
        assertThat(browser.findElement(By.cssSelector("#search-results mark")).getText()).isEqualTo("password");

        // a word with a hyphen is found and marked
        browser.get(site.resolve("search/index.html").toUri() + "?q=on-call");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("#search-results li")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#search-results li a")).getAttribute("href")).endsWith("#rota");
        assertThat(browser.findElement(By.cssSelector("#search-results mark")).getText()).isEqualTo("on-call");

        // nothing found: say so, and show every page instead
        browser.get(site.resolve("search/index.html").toUri() + "?q=zebra");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("search-status")).getText()
                .startsWith("No pages"));
        assertThat(browser.findElement(By.id("search-contents")).isDisplayed()).isTrue();
        assertThat(severe()).isEmpty();
    }

    @Test
    void searchWorksWhenTheSiteIsServedUnderASubPath() throws IOException {
        Path built = dir.resolve("sub");
        TestSites.Run run = TestSites.build(built, content, "--base-url", "https://docs.example.com/handbook/");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path root = built.resolve("out");
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/handbook/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/handbook/".length());
            Path file = root.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path).normalize();
            byte[] body = file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", file.toString().endsWith(".js") ? "text/javascript"
                    : file.toString().endsWith(".css") ? "text/css" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/handbook/";
            browser.get(base + "search/?q=vpn");
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                    By.cssSelector("#search-results li")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("#search-results li a")).getAttribute("href"))
                    .isEqualTo(base + "onboarding/first-week/?h=vpn#accounts");
            browser.get(base + "diagrams/");
            WebElement box = browser.findElement(By.id("site-search-q"));
            box.sendKeys("accounts");
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                    By.cssSelector("#site-search-list [role=option]")).isEmpty());
            box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN, org.openqa.selenium.Keys.ENTER);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("first-week"));
            assertThat(browser.getCurrentUrl()).isEqualTo(base + "onboarding/first-week/?h=account#accounts");
            assertThat(severe()).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withoutJavaScriptTheSearchBoxLeadsToEveryPage() {
        WebDriver plain = Chromium.start(1200, 900, false);
        try {
            plain.get(site.resolve("onboarding/first-week/index.html").toUri().toString());
            plain.findElement(By.id("site-search-q")).sendKeys("vpn", org.openqa.selenium.Keys.ENTER);
            new WebDriverWait(plain, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("q=vpn"));
            // from disk too: the form names the search page's file, not its folder
            assertThat(plain.getCurrentUrl()).contains("/search/index.html?q=vpn");
            assertThat(plain.findElement(By.cssSelector(".search-nojs")).getText()).contains("Search needs JavaScript");
            assertThat(plain.findElements(By.cssSelector("#search-contents a"))).extracting(WebElement::getText)
                    .contains("Your first week", "Diagrams");
        } finally {
            plain.quit();
        }
    }


    /** Every page type at a phone's and a desktop's width, light and dark, and with the phone's drawer open. */
    @Test
    void noSeriousOrCriticalAccessibilityViolations() throws IOException {
        String axe = Chromium.axe();
        try {
            for (int width : new int[] {390, 1400}) {
                for (boolean dark : new boolean[] {false, true}) {
                    browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                    Chromium.colorScheme(browser, dark);
                    axePages(axe, width + " px" + (dark ? ", dark" : ""), width < 1200);
                }
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 900));
            Chromium.colorScheme(browser, false);
        }
    }

    private void axePages(String axe, String how, boolean phone) {
        List<String> pages = new ArrayList<>(List.of("index.html", "onboarding/first-week/index.html", "diagrams/index.html",
                "404.html", "health/index.html", "health/pages/index.html", "search/index.html", "search/index.html?q=vpn",
                "index.html?typed=password"));
        if (phone) pages.add("onboarding/first-week/index.html?drawer");
        for (String page : pages) {
            String[] parts = page.split("\\?");
            browser.get(site.resolve(parts[0]).toUri() + (parts.length > 1 && parts[1].startsWith("q=") ? "?" + parts[1] : ""));
            if (parts.length > 1 && parts[1].equals("drawer")) {
                browser.findElement(By.cssSelector(".menu-link")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("drawer")).isDisplayed());
            } else if (parts.length > 1 && parts[1].startsWith("typed=")) {
                // the search box open, with results, an option selected
                WebElement box = browser.findElement(By.id("site-search-q"));
                box.sendKeys(parts[1].substring(6));
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                        By.cssSelector("#site-search-list [role=option]")).isEmpty());
                box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
            } else if (parts.length > 1) {
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                        By.cssSelector("#search-results li")).isEmpty());
            }
            Object result = Chromium.seriousViolations(browser, axe);
            assertThat((List<?>) result).as(page + " at " + how).isEmpty();
        }
    }
}
