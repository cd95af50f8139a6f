package org.luvhive.sandbox.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named explicitly so
 * Selenium never looks for or downloads a driver. Keeps a screenshot after every step and
 * writes them, the browser console and the page, under {@code target/} when a test fails.
 * Not thread-safe: one test thread drives it.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final List<Step> steps = new ArrayList<>();

    private record Step(String name, byte[] screenshot) {
    }

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium with a fresh profile; fails with what to install when it is missing. */
    public static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver "
                    + "(scripts/test does it when run as root)");
        }
        try {
            Path profile = Files.createTempDirectory("luvhive-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1440,900",
                    "--lang=en-US");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** A wait that polls every 100 ms and sees through elements the page redrew meanwhile. */
    public WebDriverWait waiting() {
        return waiting(WAIT);
    }

    public WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Runs one named step and keeps a screenshot of how the page looked after it. */
    public void step(String name, Runnable action) {
        try {
            action.run();
        } finally {
            steps.add(new Step(name, driver.getScreenshotAs(OutputType.BYTES)));
        }
    }

    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    /** What the page logged (errors of its scripts included). */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    /** Writes every step's screenshot, the page now, its console and its HTML into {@code directory}. */
    public void saveEvidence(Path directory) {
        try {
            Files.createDirectories(directory);
            for (int index = 0; index < steps.size(); index++) {
                String name = String.format("%02d-%s.png", index + 1, steps.get(index).name().replaceAll("[^A-Za-z0-9]+", "-"));
                Files.write(directory.resolve(name), steps.get(index).screenshot());
            }
            Files.write(directory.resolve("zz-at-failure.png"), screenshot());
            Files.write(directory.resolve("console.txt"), console(), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("page.html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save the browser's evidence in " + directory + ": " + e);
        }
    }

    /** Forgets the steps kept so far (the next test starts its own record). */
    public void forgetSteps() {
        steps.clear();
    }

    /** Runs a script in the page; for reading what WebDriver cannot see (an image's decoded size). */
    public Object script(String javaScript, Object... arguments) {
        return driver.executeScript(javaScript, arguments);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile; the OS cleans /tmp
            }
        }
    }
}
