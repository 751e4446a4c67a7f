package dev.onshore.systemtests;

import dev.onshore.devstack.Appliance;
import dev.onshore.devstack.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser of a browser test: a JUnit extension that opens a fresh {@link Chromium} before each test and closes it
 * after (registered on a static field: one browser for the whole class), and is itself the {@link WebDriver} the test
 * drives. Skipped visibly, as Chromium is, when Debian's packages are missing.
 *
 * <pre>{@code @RegisterExtension final BrowserSession browser = BrowserSession.indonesianShopper(1280, 1000);}</pre>
 */
final class BrowserSession implements WebDriver, JavascriptExecutor, BeforeAllCallback, AfterAllCallback,
        BeforeEachCallback, AfterEachCallback {

    private final @Nullable Dimension window;
    private @Nullable Chromium chromium;
    private boolean perClass;

    private BrowserSession(@Nullable Dimension window) {
        this.window = window;
    }

    /** An Indonesian shopper's browser (Accept-Language id-ID first) in Chromium's default window. */
    static BrowserSession indonesianShopper() {
        return new BrowserSession(null);
    }

    /** The same in a window of this size (CSS pixels). */
    static BrowserSession indonesianShopper(int width, int height) {
        return new BrowserSession(new Dimension(width, height));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        open();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            open();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void open() {
        chromium = Chromium.indonesianShopper();
        if (window != null) {
            chromium.driver().manage().window().setSize(window);
        }
    }

    private WebDriver driver() {
        if (chromium == null) {
            throw new IllegalStateException("the browser is open only while a test runs");
        }
        return chromium.driver();
    }

    /** Waits up to this long for what the page should come to show. */
    WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver(), timeout);
    }

    /**
     * Signs in to the admin as this demo operator through Keycloak, password and TOTP, starting at {@code url} of the
     * admin; returns when the TOTP form was sent (the caller waits for the screen it expects).
     */
    void signInToAdmin(Appliance appliance, String url, String username) {
        var wait = waiting(Duration.ofSeconds(30));
        get(url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        findElement(By.id("password")).sendKeys(appliance.secrets().get(Secrets.Name.DEMO_OPERATOR_PASSWORD));
        findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")))
                .sendKeys(OperatorCodes.next(appliance, username));
        findElement(By.id("kc-login")).click();
    }

    /** Saves what the browser shows now as a PNG in {@code folder} (relative to the repository root). */
    void screenshot(String folder, String name) {
        if (chromium == null) {
            throw new IllegalStateException("the browser is open only while a test runs");
        }
        chromium.screenshot(Path.of(System.getProperty("onshore.root", "..")).resolve(folder).resolve(name));
    }

    @Override
    public void get(String url) {
        driver().get(url);
    }

    @Override
    public @Nullable String getCurrentUrl() {
        return driver().getCurrentUrl();
    }

    @Override
    public @Nullable String getTitle() {
        return driver().getTitle();
    }

    @Override
    public List<WebElement> findElements(By by) {
        return driver().findElements(by);
    }

    @Override
    public WebElement findElement(By by) {
        return driver().findElement(by);
    }

    @Override
    public @Nullable String getPageSource() {
        return driver().getPageSource();
    }

    /** Closes the browser (also done after each test, or after the class when registered statically). */
    @Override
    public void close() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @Override
    public void quit() {
        close();
    }

    @Override
    public Set<String> getWindowHandles() {
        return driver().getWindowHandles();
    }

    @Override
    public String getWindowHandle() {
        return driver().getWindowHandle();
    }

    @Override
    public TargetLocator switchTo() {
        return driver().switchTo();
    }

    @Override
    public Navigation navigate() {
        return driver().navigate();
    }

    @Override
    public Options manage() {
        return driver().manage();
    }

    @Override
    public @Nullable Object executeScript(String script, @Nullable Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    @Override
    public @Nullable Object executeAsyncScript(String script, @Nullable Object... args) {
        return ((JavascriptExecutor) driver()).executeAsyncScript(script, args);
    }
}
