package io.docpulse.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

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
}
