package io.docpulse.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.docpulse.TestSites;

/**
 * What readers of MkDocs and Docusaurus sites expect, in headless chromium at a phone's width
 * (390 px) and a desktop's (1400 px), light and dark: copy buttons, section links, the current
 * section in "On this page", the light / dark / system switch and a search's words marked on the
 * page a result opens.
 */
class ReaderFeaturesBrowserTest {
    static final int PHONE = 390;
    static final int DESKTOP = 1400;
    static final String CODE = "mvn -B verify\njava -jar target/docpulse.jar build";

    @TempDir
    static Path dir;
    static WebDriver browser;
    static Path site;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start(DESKTOP, 900);
        // read the clipboard back, as the reader's next paste would
        ((ChromeDriver) browser).executeCdpCommand("Browser.grantPermissions", Map.of(
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Handbook\n\n- [Onboarding](onboarding/first-week.md)\n- [Rota](rota.md)\n");
        String filler = "The team writes things down so that nobody has to wait for an answer. ".repeat(25);
        f.put("onboarding/first-week.md", "# Your first week\n\nStart with [the rota](../rota.md).\n\n"
                + "## Accounts\n\nAsk Sam for the VPN password on your first day.\n\n```sh\n" + CODE + "\n```\n\n"
                + filler + "\n\n## Laptop\n\n" + filler + "\n\n```\nplain text block\n```\n\n"
                + "## Rota\n\n```java\n// a comment\nclass Rota { String name = \"on-call\"; int weeks = 2; }\n```\n\n" + filler + "\n\n### Swaps\n\n" + filler + "\n\n## Last\n\nShort.\n");
        f.put("rota.md", "# Rota\n\nJoin the on-call rota.\n");
        Path content = TestSites.write(dir.resolve("content"), f);
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        site = dir.resolve("out");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    @AfterEach
    void forgetTheChoice() {
        // each test starts from "system", whatever the one before chose
        if (browser.getCurrentUrl().startsWith("file:")) js("try { localStorage.clear(); } catch (e) {}");
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition::apply);
    }

    private static void open(String page, int width, boolean dark) {
        browser.manage().window().setSize(new Dimension(width, 900));
        Chromium.colorScheme(browser, dark);
        browser.get(site.resolve(page.replaceAll("[?#].*", "")).toUri() + page.replaceAll("^[^?#]*", ""));
        waitUntil(d -> "complete".equals(js("return document.readyState")));
    }

    private static List<String> severe() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) out.add(e.getMessage());
        }
        return out;
    }

    private static String clipboard() {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "(window.realClipboard || navigator.clipboard).readText().then(done, function (e) { done('read failed: ' + e); });");
    }

    private static void setClipboard(String text) {
        ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "(window.realClipboard || navigator.clipboard).writeText(arguments[0]).then(function () { done(); });", text);
    }

    private static String background() {
        return browser.findElement(By.tagName("body")).getCssValue("background-color");
    }

    static final String WHITE = "rgba(255, 255, 255, 1)";
    static final String DARK = "rgba(13, 17, 23, 1)";

    /** Saves a screenshot under the folder -Ddocpulse.screenshots names, to look at; none without it. */
    private static void screenshot(String name) throws IOException {
        String to = System.getProperty("docpulse.screenshots");
        if (to == null) return;
        Files.createDirectories(Path.of(to));
        Files.write(Path.of(to, name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theCopyButtonCopiesTheCodeWithTheClipboardApiAndWithoutIt() throws IOException {
        for (int width : new int[] {PHONE, DESKTOP}) {
            for (boolean dark : new boolean[] {false, true}) {
                open("onboarding/first-week/index.html", width, dark);
                List<WebElement> buttons = browser.findElements(By.cssSelector(".code-block .copy-button"));
                // every code block, with a language or without
                assertThat(buttons).hasSize(3);
                WebElement copy = buttons.get(0);
                assertThat(copy.isDisplayed()).isTrue();
                assertThat(copy.getAccessibleName()).isEqualTo("Copy code");
                screenshot("copy-" + width + (dark ? "-dark" : "-light"));

                // the Clipboard API
                setClipboard("before");
                copy.click();
                waitUntil(d -> copy.getText().equals("Copied"));
                assertThat(clipboard()).isEqualTo(CODE);
                waitUntil(d -> "Copied to the clipboard".equals(js(
                        "var s = document.querySelector('body > [role=status]'); return s && s.textContent;")));
            }
        }
        // keyboard: Tab reaches the button, Enter copies
        open("onboarding/first-week/index.html", DESKTOP, false);
        setClipboard("before");
        WebElement second = browser.findElements(By.cssSelector(".copy-button")).get(1);
        js("arguments[0].focus()", browser.findElements(By.cssSelector(".code-block pre")).get(1));
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement()).isEqualTo(second);
        second.sendKeys(Keys.ENTER);
        waitUntil(d -> second.getText().equals("Copied"));
        assertThat(clipboard()).isEqualTo("plain text block");

        // a browser without the Clipboard API: the textarea and the copy command
        setClipboard("before");
        js("window.realClipboard = navigator.clipboard; delete Navigator.prototype.clipboard;");
        assertThat(js("return navigator.clipboard === undefined")).isEqualTo(true);
        WebElement first = browser.findElements(By.cssSelector(".copy-button")).get(0);
        first.click();
        waitUntil(d -> first.getText().equals("Copied"));
        assertThat(clipboard()).isEqualTo(CODE);
        // the textarea is gone and focus is back on the button
        assertThat(browser.findElements(By.tagName("textarea"))).isEmpty();
        assertThat(browser.switchTo().activeElement()).isEqualTo(first);
        assertThat(severe()).isEmpty();
    }

    @Test
    void theThemeSwitchOverridesTheSystemAndIsRememberedOnTheNextPage() throws IOException {
        for (int width : new int[] {PHONE, DESKTOP}) {
            open("onboarding/first-week/index.html", width, true);
            assertThat(background()).isEqualTo(DARK);
            WebElement toggle = browser.findElement(By.cssSelector(".site-header .theme-switch"));
            assertThat(toggle.isDisplayed()).isTrue();
            assertThat(toggle.getAccessibleName()).isEqualTo("Colour scheme: system");
            // system, then light: the reader's choice beats the system's dark
            toggle.click();
            assertThat(toggle.getAccessibleName()).isEqualTo("Colour scheme: light");
            assertThat(background()).isEqualTo(WHITE);
            screenshot("theme-light-over-dark-system-" + width);

            // the next page opens light, and the choice is in place before any script of the page runs
            browser.findElement(By.linkText("the rota")).click();
            waitUntil(d -> d.getTitle().startsWith("Rota"));
            assertThat(js("return document.documentElement.getAttribute('data-theme')")).isEqualTo("light");
            assertThat(background()).isEqualTo(WHITE);
            assertThat(js("var s = document.head.querySelector('script'), l = document.head.querySelector('link[rel=stylesheet]');"
                    + "return !!s && !!l && !!(s.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING) && !s.src")).isEqualTo(true);

            // light, then dark (over a light system), then back to system
            Chromium.colorScheme(browser, false);
            browser.findElement(By.cssSelector(".theme-switch")).click();
            assertThat(background()).isEqualTo(DARK);
            browser.navigate().back();
            waitUntil(d -> d.getTitle().startsWith("Your first week"));
            browser.navigate().refresh();
            assertThat(background()).isEqualTo(DARK);
            assertThat(browser.findElement(By.cssSelector(".theme-switch")).getAccessibleName()).isEqualTo("Colour scheme: dark");
            screenshot("theme-dark-over-light-system-" + width);
            browser.findElement(By.cssSelector(".theme-switch")).click();
            assertThat(background()).isEqualTo(WHITE);
            assertThat(js("return localStorage.getItem('docpulse-theme')")).isNull();
        }
        assertThat(severe()).isEmpty();
    }

    @Test
    void withoutStorageTheSwitchStillWorksOnThePage() {
        // a browser that refuses localStorage (as some do from file://, or in private windows)
        ChromeDriver chrome = (ChromeDriver) browser;
        Object id = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.defineProperty(window, 'localStorage', { get: function () { throw new DOMException('denied', 'SecurityError'); } });"))
                .get("identifier");
        try {
            open("rota/index.html", DESKTOP, false);
            assertThat(background()).isEqualTo(WHITE);
            browser.findElement(By.cssSelector(".theme-switch")).click();
            browser.findElement(By.cssSelector(".theme-switch")).click();
            assertThat(background()).isEqualTo(DARK);
            assertThat(severe()).isEmpty();
        } finally {
            chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
        }
    }

    @Test
    void aHeadingsLinkIsReachableWithTabAndShowsOnFocusAndHover() throws IOException {
        for (int width : new int[] {PHONE, DESKTOP}) {
            open("onboarding/first-week/index.html", width, width == PHONE);
            WebElement link = browser.findElement(By.cssSelector("h2#accounts > a.heading-link"));
            assertThat(link.getAttribute("href")).endsWith("#accounts");
            assertThat(link.getAccessibleName()).isEqualTo("Link to this section: Accounts");
            assertThat(link.getCssValue("opacity")).isEqualTo("0");
            // the link before the heading, then Tab
            WebElement before = browser.findElement(By.linkText("the rota"));
            js("arguments[0].focus()", before);
            before.sendKeys(Keys.TAB);
            assertThat(browser.switchTo().activeElement()).isEqualTo(link);
            assertThat(link.getCssValue("opacity")).isEqualTo("1");
            assertThat(link.getText()).isEqualTo("#");
            screenshot("heading-link-focus-" + width);
            js("arguments[0].blur()", link);
            new Actions(browser).moveToElement(browser.findElement(By.id("laptop"))).perform();
            assertThat(browser.findElement(By.cssSelector("h2#laptop > a.heading-link")).getCssValue("opacity")).isEqualTo("1");
            assertThat(link.getCssValue("opacity")).isEqualTo("0");
        }
    }

    @Test
    void onThisPageMarksTheSectionBeingRead() throws IOException {
        for (int width : new int[] {PHONE, DESKTOP}) {
            open("onboarding/first-week/index.html", width, false);
            for (String id : new String[] {"rota", "swaps", "accounts", "laptop"}) {
                js("window.scrollTo(0, document.getElementById(arguments[0]).getBoundingClientRect().top + window.pageYOffset - 10)", id);
                waitUntil(d -> id.equals(js("var a = document.querySelector('.toc a[aria-current]');"
                        + "return a && a.getAttribute('aria-current') === 'true' && a.getAttribute('href').slice(1)")));
                assertThat(browser.findElements(By.cssSelector(".toc a[aria-current]"))).hasSize(1);
            }
            if (width == DESKTOP) screenshot("toc-current-" + width);
            // at the very end, the last section, however short
            js("window.scrollTo(0, document.documentElement.scrollHeight)");
            waitUntil(d -> "#last".equals(js("var a = document.querySelector('.toc a[aria-current]'); return a && a.getAttribute('href')")));
            // back at the top: the first section when its heading is in the top third of the window, else none
            js("window.scrollTo(0, 0)");
            waitUntil(d -> java.util.Arrays.asList(null, "#accounts").contains(
                    js("var a = document.querySelector('.toc a[aria-current]'); return a && a.getAttribute('href')")));
        }
    }

    @Test
    void aResultsWordsAreMarkedOnThePageItOpensUntilCleared() throws IOException {
        for (int width : new int[] {PHONE, DESKTOP}) {
            for (boolean dark : new boolean[] {false, true}) {
                open("search/index.html?q=how+do+I+get+the+vpn+passwords", width, dark);
                waitUntil(d -> !d.findElements(By.cssSelector("#search-results li a")).isEmpty());
                WebElement result = browser.findElement(By.cssSelector("#search-results li a"));
                String href = result.getAttribute("href");
                assertThat(href).contains("/onboarding/first-week/index.html?h=").endsWith("#accounts");
                // the words the ranking used, not the question and stop words it dropped
                List<String> terms = List.of(URLDecoder.decode(href.replaceAll(".*\\?h=([^#]*).*", "$1"),
                        StandardCharsets.UTF_8).split(" "));
                assertThat(terms).contains("vpn", "password").doesNotContain("how", "do", "i", "the");
                result.click();
                waitUntil(d -> d.getCurrentUrl().contains("first-week"));
                waitUntil(d -> !d.findElements(By.cssSelector("mark.search-term")).isEmpty());
                assertThat(browser.findElements(By.cssSelector("#content mark.search-term"))).extracting(WebElement::getText)
                        .containsExactly("VPN", "password");
                WebElement bar = browser.findElement(By.cssSelector(".search-terms"));
                assertThat(bar.getText()).contains("2 matches");
                // the section the result named is in view, below the header
                assertThat((Long) js("return Math.round(document.getElementById('accounts').getBoundingClientRect().top)"))
                        .isBetween(-5L, 200L);
                assertThat(bar.isDisplayed()).isTrue();
                screenshot("search-terms-" + width + (dark ? "-dark" : "-light"));
                bar.findElement(By.tagName("button")).click();
                assertThat(browser.findElements(By.cssSelector("mark.search-term, .search-terms"))).isEmpty();
                assertThat(browser.findElement(By.cssSelector("#accounts + p")).getText())
                        .isEqualTo("Ask Sam for the VPN password on your first day.");
                assertThat(browser.getCurrentUrl()).doesNotContain("h=").endsWith("/first-week/index.html#accounts");
            }
        }
        // the box in the header passes the words too, the unfinished last one as typed
        open("rota/index.html", DESKTOP, false);
        WebElement box = browser.findElement(By.id("site-search-q"));
        box.sendKeys("vpn passw");
        waitUntil(d -> !d.findElements(By.cssSelector("#site-search-list [role=option]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#site-search-list [role=option]")).getAttribute("data-href"))
                .contains("?h=").contains("vpn").contains("passw").endsWith("#accounts");
        assertThat(severe()).isEmpty();
    }


    @Test
    void noSeriousOrCriticalAccessibilityViolationsWithTheNewParts() throws IOException {
        String axe = Chromium.axe();
        // light and dark by the system, and dark chosen over a light system
        String[][] cases = {{"light", ""}, {"dark", ""}, {"light", "dark"}};
        for (int width : new int[] {PHONE, DESKTOP}) {
            for (String[] c : cases) {
                open("onboarding/first-week/index.html?h=vpn+password#accounts", width, c[0].equals("dark"));
                if (!c[1].isEmpty()) {
                    js("localStorage.setItem('docpulse-theme', arguments[0])", c[1]);
                    browser.navigate().refresh();
                }
                js("document.getElementById('rota').scrollIntoView()");
                screenshot("code-" + width + "-system-" + c[0] + (c[1].isEmpty() ? "" : "-chosen-" + c[1]));
                js("document.getElementById('accounts').scrollIntoView()");
                waitUntil(d -> !d.findElements(By.cssSelector("mark.search-term")).isEmpty());
                // the copy button as it is after copying, the section link as it is on focus
                browser.findElement(By.cssSelector(".copy-button")).click();
                waitUntil(d -> d.findElement(By.cssSelector(".copy-button")).getText().equals("Copied"));
                js("document.querySelector('h2#laptop > a.heading-link').focus()");
                Object result = Chromium.seriousViolations(browser, axe);
                assertThat((List<?>) result).as(width + " px, system " + c[0] + ", chosen " + c[1]).isEmpty();
                js("try { localStorage.clear(); } catch (e) {}");
            }
        }
    }
}
