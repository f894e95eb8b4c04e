package io.docpulse.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.docpulse.TestSites;

/**
 * The theme's layout in headless chromium at a phone's width (390 px) and a desktop's (1400 px),
 * light and dark: the Menu drawer, "On this page" on a phone, the 404 page from disk, diagrams and code.
 */
class NavigationBrowserTest {
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
        f.put("README.md", "# Handbook\n\n- [Onboarding](onboarding/first-week.md)\n- [Diagrams](diagrams.md)\n");
        f.put("onboarding/first-week.md", "# Your first week\n\n## Accounts\n\nAsk for an account.\n\n"
                + "| Flag | What |\n| --- | --- |\n| `--fail-under=SCORE` | fails below a score |\n\n"
                + "## Rota\n\n" + "Join the rota. ".repeat(200) + "\n\n```java\nclass A {}\n```\n");
        StringBuilder wide = new StringBuilder("```mermaid\ngraph LR\n");
        for (int i = 0; i < 14; i++) wide.append("  N").append(i).append("[Step number ").append(i).append("] --> N").append(i + 1).append('\n');
        f.put("diagrams.md", "# Diagrams\n\n" + wide + "```\n");
        f.put("how-we-work/decisions/0002-depend-on-flexmark-modules-not-flexmark-all.md",
                "# 0002: Depend on flexmark modules, not flexmark-all\n\nText.\n");
        Path content = TestSites.write(dir.resolve("content"), f);
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        site = dir.resolve("out");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    private static void open(WebDriver b, String page, int width, boolean dark) {
        b.manage().window().setSize(new Dimension(width, 844));
        Chromium.colorScheme(b, dark);
        b.get(site.resolve(page).toUri().toString());
        new WebDriverWait(b, Duration.ofSeconds(10)).until(d -> "complete".equals(js(d, "return document.readyState")));
    }

    private static Object js(WebDriver b, String script, Object... args) {
        return ((JavascriptExecutor) b).executeScript(script, args);
    }

    private static void waitUntil(WebDriver b, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(b, Duration.ofSeconds(5)).until(condition::apply);
    }

    /** A tap of a finger, at an element's centre or at a point of the viewport. */
    private static void tap(WebElement at, int x, int y) {
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence tap = new Sequence(finger, 0);
        tap.addAction(finger.createPointerMove(Duration.ZERO,
                at == null ? PointerInput.Origin.viewport() : PointerInput.Origin.fromElement(at), x, y));
        tap.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        tap.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        ((RemoteWebDriver) browser).perform(List.of(tap));
    }

    private static WebElement drawer() {
        return browser.findElement(By.id("drawer"));
    }

    @Test
    void onAPhoneTheDrawerOpensAndClosesWithKeyboardAndTouch() {
        for (boolean dark : new boolean[] {false, true}) {
            open(browser, "onboarding/first-week/index.html", PHONE, dark);
            WebElement menu = browser.findElement(By.cssSelector(".menu-link"));
            assertThat(menu.getTagName()).isEqualTo("button");
            assertThat(menu.isDisplayed()).isTrue();
            assertThat(drawer().isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector(".toc")).isDisplayed()).isFalse();

            // keyboard: Tab past "Skip to content" to Menu, Enter opens, focus moves in, Escape shuts
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB, Keys.TAB);
            assertThat(browser.switchTo().activeElement()).isEqualTo(menu);
            menu.sendKeys(Keys.ENTER);
            waitUntil(browser, d -> drawer().isDisplayed());
            assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(drawer().getAttribute("role")).isEqualTo("dialog");
            assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Close");
            // the table of contents is in the drawer, and the page behind it is out of reach
            assertThat(browser.findElement(By.cssSelector("#drawer .toc a[href='#rota']")).isDisplayed()).isTrue();
            assertThat(js(browser, "return document.getElementById('content').inert")).isEqualTo(true);
            browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            waitUntil(browser, d -> !drawer().isDisplayed());
            assertThat(browser.switchTo().activeElement()).isEqualTo(menu);
            assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(js(browser, "return document.getElementById('content').inert")).isEqualTo(false);

            // touch: a tap on Menu opens, a tap beside the drawer shuts it
            tap(menu, 0, 0);
            waitUntil(browser, d -> drawer().isDisplayed());
            tap(null, PHONE - 15, 600);
            waitUntil(browser, d -> !drawer().isDisplayed());

            // a heading in "On this page" shuts the drawer and shows the heading
            tap(menu, 0, 0);
            waitUntil(browser, d -> drawer().isDisplayed());
            tap(browser.findElement(By.cssSelector("#drawer .toc a[href='#rota']")), 0, 0);
            waitUntil(browser, d -> !drawer().isDisplayed());
            assertThat(browser.getCurrentUrl()).endsWith("#rota");
            assertThat((Long) js(browser, "return Math.round(document.getElementById('rota').getBoundingClientRect().top)"))
                    .isBetween(0L, 100L);
        }
    }

    @Test
    void withoutJavaScriptTheMenuLinkOpensTheDrawerAndCloseShutsIt() {
        WebDriver plain = Chromium.start(PHONE, 844, false);
        try {
            plain.get(site.resolve("onboarding/first-week/index.html").toUri().toString());
            WebElement menu = plain.findElement(By.cssSelector(".menu-link"));
            assertThat(menu.getTagName()).isEqualTo("a");
            assertThat(plain.findElement(By.id("drawer")).isDisplayed()).isFalse();
            menu.click();
            // the drawer slides in (0.2 s): until it is in place, what it holds is outside the window
            new WebDriverWait(plain, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("drawer")).isDisplayed()
                    && d.findElement(By.cssSelector("#drawer .toc a[href='#accounts']")).isDisplayed());
            assertThat(plain.findElement(By.cssSelector("#drawer #site-nav a[aria-current=page]")).getText())
                    .isEqualTo("Your first week");
            plain.findElement(By.cssSelector("#drawer .drawer-close")).click();
            new WebDriverWait(plain, Duration.ofSeconds(5)).until(d -> !d.findElement(By.id("drawer")).isDisplayed());
        } finally {
            plain.quit();
        }
    }

    @Test
    void onADesktopNavigationContentsAndPageAreColumns() {
        for (boolean dark : new boolean[] {false, true}) {
            open(browser, "onboarding/first-week/index.html", DESKTOP, dark);
            assertThat(browser.findElement(By.cssSelector(".menu-link")).isDisplayed()).isFalse();
            WebElement nav = browser.findElement(By.id("site-nav"));
            WebElement toc = browser.findElement(By.cssSelector(".toc"));
            WebElement content = browser.findElement(By.id("content"));
            assertThat(nav.isDisplayed()).isTrue();
            assertThat(toc.isDisplayed()).isTrue();
            assertThat(nav.getRect().getX()).isLessThan(content.getRect().getX());
            assertThat(toc.getRect().getX()).isGreaterThan(content.getRect().getX() + content.getRect().getWidth() - 1);
            // the sidebar's border runs down the whole layout, not only as far as the short list
            WebElement layout = browser.findElement(By.cssSelector(".layout"));
            assertThat(layout.getCssValue("background-image")).startsWith("linear-gradient");
            assertThat(layout.getRect().getHeight()).isGreaterThan(nav.getRect().getHeight() * 2);
        }
    }

    @Test
    void the404PageIsStyledFromDisk() {
        for (int width : new int[] {PHONE, DESKTOP}) {
            open(browser, "404.html", width, false);
            WebElement header = browser.findElement(By.cssSelector(".site-header"));
            // the theme's header colour and layout, not the browser's defaults
            assertThat(header.getCssValue("display")).isEqualTo("flex");
            assertThat(header.getCssValue("background-color")).isEqualTo("rgba(246, 248, 250, 1)");
            assertThat(browser.findElements(By.cssSelector(".menu-link, #site-nav"))).isEmpty();
            // its links, made from the root, lead to the pages from disk too
            browser.findElement(By.linkText("Onboarding")).click();
            waitUntil(browser, d -> d.getTitle().startsWith("Onboarding"));
        }
        open(browser, "404.html", PHONE, true);
        assertThat(browser.findElement(By.cssSelector(".site-header")).getCssValue("background-color"))
                .isEqualTo("rgba(21, 27, 35, 1)");
    }

    @Test
    void diagramsKeepTheirNaturalSizeAndOpenFullSize() {
        open(browser, "diagrams/index.html", PHONE, false);
        waitUntil(browser, d -> !d.findElements(By.cssSelector("pre.mermaid svg")).isEmpty()
                && !d.findElements(By.cssSelector(".diagram-open")).isEmpty());
        WebElement pre = browser.findElement(By.cssSelector("pre.mermaid"));
        // wider than the phone: drawn at its natural size (labels as large as mermaid makes them),
        // it scrolls inside its box instead of shrinking
        Double scale = ((Number) js(browser, "var s = document.querySelector('pre.mermaid svg');"
                + "return s.getBoundingClientRect().width / s.viewBox.baseVal.width;")).doubleValue();
        assertThat(scale).isGreaterThan(0.99);
        assertThat((Boolean) js(browser, "var p = arguments[0]; return p.scrollWidth > p.clientWidth;", pre)).isTrue();
        WebElement openFull = browser.findElement(By.cssSelector(".diagram-open"));
        openFull.click();
        WebElement dialog = browser.findElement(By.cssSelector("dialog.diagram-dialog"));
        waitUntil(browser, d -> dialog.isDisplayed());
        assertThat(dialog.findElements(By.cssSelector("svg"))).hasSize(1);
        dialog.findElement(By.tagName("button")).sendKeys(Keys.ESCAPE);
        waitUntil(browser, d -> !dialog.isDisplayed());
        // back in its place on the page
        assertThat(pre.findElements(By.tagName("svg"))).hasSize(1);
    }

    @Test
    void codeInTablesStaysOnOneLineAndCodeBlocksAreReadable() {
        for (int width : new int[] {PHONE, DESKTOP}) {
            open(browser, "onboarding/first-week/index.html", width, width == PHONE);
            WebElement flag = browser.findElement(By.cssSelector(".page td code"));
            double line = Double.parseDouble(flag.getCssValue("line-height").replace("px", ""));
            assertThat((double) flag.getRect().getHeight()).as("height of %s", flag.getText()).isLessThan(line * 1.5);
            double body = Double.parseDouble(browser.findElement(By.cssSelector(".page p")).getCssValue("font-size")
                    .replace("px", ""));
            double code = Double.parseDouble(browser.findElement(By.cssSelector(".page pre code")).getCssValue("font-size")
                    .replace("px", ""));
            assertThat(code / body).isGreaterThanOrEqualTo(0.85);
        }
    }

    @Test
    void theHealthTableScrollsInsideItselfWithHealthFirst() {
        for (int width : new int[] {PHONE, DESKTOP}) {
            open(browser, "health/pages/index.html", width, false);
            assertThat((Boolean) js(browser, "return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
            assertThat(browser.findElement(By.cssSelector("table.health-pages thead th")).getText()).startsWith("Health");
            // every row's health is on screen, however long the page's path
            for (WebElement health : browser.findElements(By.cssSelector("table.health-pages tbody .health-badge"))) {
                assertThat(health.getRect().getX() + health.getRect().getWidth()).isLessThanOrEqualTo(width);
            }
        }
    }

    @Test
    void theSearchPageShowsOneSearchBox() {
        open(browser, "search/index.html", DESKTOP, false);
        assertThat(browser.findElement(By.id("site-search-q")).isDisplayed()).isFalse();
        browser.findElement(By.tagName("body")).sendKeys("/");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("search-page-q");
    }
}
