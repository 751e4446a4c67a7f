package dev.onshore.systemtests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver, with a fresh profile that is deleted on close. The
 * tests using it are skipped (visibly) when the packages are missing; {@code ./onshore test} installs them.
 */
final class Chromium implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser whose shopper asks for Indonesian first (Accept-Language). */
    static Chromium indonesianShopper() {
        assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "SKIPPED: Debian's chromium and chromium-driver are not installed (./onshore test installs them)");
        try {
            var profile = Files.createTempDirectory("onshore-chromium");
            var options = new ChromeOptions().setBinary(BINARY.toFile()).addArguments("--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                    "--hide-scrollbars", "--user-data-dir=" + profile, "--lang=id-ID");
            // Headless Chromium takes Accept-Language from this preference, not from --lang.
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "id-ID,id,en-US,en"));
            var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves what the browser shows now as a PNG. */
    void screenshot(Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
