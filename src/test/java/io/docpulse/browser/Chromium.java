package io.docpulse.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless chromium through chromium-driver, as .ci/run installs them; nothing is
 * downloaded at run time. Outside CI a test that needs it is skipped when it is missing; in CI it fails.
 */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    static WebDriver start(int width, int height) {
        return start(width, height, true);
    }

    /** @param javascript false to browse as a reader who turned JavaScript off */
    static WebDriver start(int width, int height, boolean javascript) {
        boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (System.getenv("CI") == null) assumeTrue(present, "chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--allow-file-access-from-files", "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (!javascript) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Makes the pages the browser opens from now on see {@code prefers-color-scheme: dark} (or
     * light), and no motion, so a test never waits for a transition.
     */
    static void colorScheme(WebDriver browser, boolean dark) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features", java.util.List.of(
                java.util.Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"),
                java.util.Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
    }

    /** axe-core, fetched from npm by .ci/run into the user's cache (tests themselves stay offline). */
    static String axe() throws IOException {
        Path file = Path.of(System.getProperty("docpulse.axe",
                System.getProperty("user.home") + "/.cache/docpulse-tests/axe-core-4.10.2/axe.min.js"));
        if (System.getenv("CI") == null) assumeTrue(Files.isRegularFile(file), "axe-core not fetched: run .ci/run once");
        return Files.readString(file);
    }

    /**
     * Runs axe (the script {@link #axe()} read) on the page open in the browser: its serious and
     * critical violations, each as "rule (impact): the first three elements", or why axe failed.
     */
    static List<?> seriousViolations(WebDriver browser, String axe) {
        ((JavascriptExecutor) browser).executeScript(axe);
        return (List<?>) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                        + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                        + "    .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) {"
                        + "      return n.target.join(' '); }).slice(0, 3).join(', '); }));"
                        + "}).catch(function (e) { done(['axe failed: ' + e]); });");
    }
}
