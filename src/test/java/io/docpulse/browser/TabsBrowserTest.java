package io.docpulse.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import io.docpulse.TestSites;

/**
 * Content tabs, tag pages and math in headless chromium at a phone's width (390 px) and a
 * desktop's (1400 px): the arrow keys switch tabs, KaTeX draws math from disk, and axe finds no
 * serious or critical violation on a tabs page or the tag pages. With {@code -Ddocpulse.screenshots=DIR}
 * it saves what it saw there.
 */
class TabsBrowserTest {
    static final int PHONE = 390;
    static final int DESKTOP = 1400;

    @TempDir
    static Path dir;
    static WebDriver browser;
    static Path site;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start(PHONE, 844);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Handbook\n\n- [Install](install.md)\n");
        f.put("install.md", """
                ---
                tags: [Setup, CI]
                description: How to install the tool.
                ---
                # Install

                Pick your system. The area of a circle is $A = \\pi r^2$; it costs $5 and $10.

                === "Linux"

                    ## Linux packages

                    ```bash
                    sudo apt install tool
                    ```

                === "macOS"

                    Run `brew install tool`.

                === "Windows"

                    Use the installer, see [the handbook](README.md).

                $$
                \\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}
                $$
                """);
        f.put("ci.md", "---\ntags: [ci]\n---\n# CI\n\nRuns the build.\n");
        Path content = TestSites.write(dir.resolve("content"), f);
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        site = dir.resolve("out");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    private static void open(String page, int width, boolean dark) {
        browser.manage().window().setSize(new Dimension(width, 844));
        Chromium.colorScheme(browser, dark);
        browser.get(site.resolve(page).toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "complete".equals(js("return document.readyState")));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void screenshot(String name) throws IOException {
        String to = System.getProperty("docpulse.screenshots");
        if (to == null) return;
        Path file = Path.of(to).resolve(name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static List<WebElement> tabs() {
        return browser.findElements(By.cssSelector(".tabbed-set [role=tab]"));
    }

    private static String selected() {
        return tabs().stream().filter(t -> "true".equals(t.getAttribute("aria-selected"))).map(WebElement::getText)
                .findFirst().orElse("");
    }

    private static List<String> visiblePanels() {
        return browser.findElements(By.cssSelector(".tabbed-panel")).stream().filter(WebElement::isDisplayed)
                .map(p -> p.getAttribute("id")).toList();
    }

    @Test
    void arrowKeysSwitchTabsAtPhoneAndDesktopWidth() throws IOException {
        for (int width : new int[] {PHONE, DESKTOP}) {
            open("install/index.html", width, false);
            // with JavaScript: the tab list shows, one panel at a time, the labels' headings are hidden
            assertThat(browser.findElement(By.cssSelector(".tabbed-set [role=tablist]")).isDisplayed()).isTrue();
            assertThat(selected()).isEqualTo("Linux");
            assertThat(visiblePanels()).containsExactly("docpulse-tab-1-1-panel");
            assertThat(browser.findElements(By.cssSelector(".tabbed-label")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
            screenshot("tabs-" + width + "-linux");

            // one Tab stop for the whole list: the selected tab
            WebElement linux = tabs().get(0);
            js("arguments[0].focus()", linux);
            linux.sendKeys(Keys.ARROW_RIGHT);
            assertThat(selected()).isEqualTo("macOS");
            assertThat(browser.switchTo().activeElement().getText()).isEqualTo("macOS");
            assertThat(visiblePanels()).containsExactly("docpulse-tab-1-2-panel");
            assertThat(tabs()).extracting(t -> t.getAttribute("tabindex")).containsExactly("-1", "0", "-1");
            browser.switchTo().activeElement().sendKeys(Keys.END);
            assertThat(selected()).isEqualTo("Windows");
            browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
            assertThat(selected()).as("Right on the last tab wraps to the first").isEqualTo("Linux");
            browser.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
            assertThat(selected()).isEqualTo("Windows");
            screenshot("tabs-" + width + "-windows");
            browser.switchTo().activeElement().sendKeys(Keys.HOME);
            assertThat(selected()).isEqualTo("Linux");
            // Tab leaves the list for the panel
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("docpulse-tab-1-1-panel");
            // a click selects too
            tabs().get(1).click();
            assertThat(selected()).isEqualTo("macOS");
        }
    }

    @Test
    void withoutJavaScriptEveryPanelShowsUnderItsLabel() throws IOException {
        WebDriver plain = Chromium.start(PHONE, 844, false);
        try {
            plain.get(site.resolve("install/index.html").toUri().toString());
            assertThat(plain.findElement(By.cssSelector(".tabbed-set [role=tablist]")).isDisplayed()).isFalse();
            assertThat(plain.findElements(By.cssSelector(".tabbed-panel")).stream().allMatch(WebElement::isDisplayed)).isTrue();
            assertThat(plain.findElements(By.cssSelector(".tabbed-label")).stream().map(WebElement::getText).toList())
                    .containsExactly("Linux", "macOS", "Windows");
            String to = System.getProperty("docpulse.screenshots");
            if (to != null) {
                Files.createDirectories(Path.of(to));
                Files.write(Path.of(to).resolve("tabs-390-nojs.png"), ((TakesScreenshot) plain).getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            plain.quit();
        }
    }

    @Test
    void katexDrawsTheMathFromDisk() throws IOException {
        open("install/index.html", DESKTOP, false);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".math .katex")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("span.math-inline .katex"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("div.math-display .katex-display"))).hasSize(1);
        // KaTeX's own fonts, from the style sheet, are in use
        Object loaded = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "document.fonts.ready.then(function () { var ok = false; document.fonts.forEach(function (f) {"
                        + "  if (f.family.indexOf('KaTeX_Main') >= 0 && f.status === 'loaded') ok = true; }); done(ok); });");
        assertThat(loaded).isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("article")).getText()).contains("it costs $5 and $10");
        screenshot("math-1400");
    }


    @Test
    void noSeriousOrCriticalAccessibilityViolationsOnTabsAndTagPages() throws IOException {
        String axe = Chromium.axe();
        try {
            for (int width : new int[] {PHONE, DESKTOP}) {
                for (boolean dark : new boolean[] {false, true}) {
                    for (String page : List.of("install/index.html", "tags/index.html", "tags/ci/index.html")) {
                        open(page, width, dark);
                        if (page.startsWith("install")) {
                            new WebDriverWait(browser, Duration.ofSeconds(10))
                                    .until(d -> !d.findElements(By.cssSelector(".math .katex")).isEmpty());
                        }
                        if (dark) screenshot(page.replace("/index.html", "").replace('/', '-') + "-" + width + "-dark");
                        else screenshot(page.replace("/index.html", "").replace('/', '-') + "-" + width);
                        Object result = Chromium.seriousViolations(browser, axe);
                        assertThat((List<?>) result).as(page + " at " + width + (dark ? " dark" : "")).isEmpty();
                    }
                }
            }
        } finally {
            Chromium.colorScheme(browser, false);
        }
    }
}
