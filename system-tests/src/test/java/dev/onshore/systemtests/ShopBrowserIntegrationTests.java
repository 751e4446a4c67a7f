package dev.onshore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.devstack.Appliance;
import dev.onshore.devstack.Secrets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A guest in id-ID buys two products in rupiah through the real appliance (edge, WAS, Keycloak, sandbox gateway)
 * in Debian's Chromium: adds them to the cart, logs in during checkout (the guest cart merges into the member's),
 * pays on the sandbox's hosted page, sees the order in the account's history, cancels it, and its stock comes back.
 * Screenshots go to docs/screens/shop-*.png.
 */
@ExtendWith(RunningAppliance.class)
class ShopBrowserIntegrationTests {

    private static final String FIRST = "HS-VITC-1000";
    private static final String SECOND = "HS-COLLAGEN-TAB";

    @Test
    void guestInIndonesiaBuysTwoProductsLogsInDuringCheckoutPaysCancelsAndTheStockComesBack() throws Exception {
        var appliance = RunningAppliance.appliance();
        var base = appliance.storefrontUrl();
        var before = available(appliance, FIRST) + available(appliance, SECOND);
        try (var chromium = Chromium.indonesianShopper()) {
            var browser = chromium.driver();
            browser.manage().window().setSize(new Dimension(1280, 1000));
            var wait = new WebDriverWait(browser, Duration.ofSeconds(60));

            for (var sku : new String[] {FIRST, SECOND}) {
                browser.get(base + "/id-id/p/" + sku);
                browser.findElement(By.cssSelector("[data-add-to-cart]")).click();
                wait.until(ExpectedConditions.urlToBe(base + "/id-id/cart"));
            }
            assertThat(browser.findElement(By.cssSelector("[data-cart-count]")).getText()).isEqualTo("2");
            assertThat(browser.findElement(By.cssSelector("[data-subtotal]")).getText()).startsWith("Rp");
            chromium.screenshot(screens("shop-cart.png"));

            // Log in from the checkout page: Keycloak's login through the edge, then back to the checkout.
            browser.findElement(By.cssSelector("a.button[href='/id-id/checkout']")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/id-id/checkout"));
            browser.findElement(By.cssSelector("[data-login]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            browser.findElement(By.id("username")).sendKeys("shopper@onshore.test");
            browser.findElement(By.id("password")).sendKeys(appliance.secrets().get(Secrets.Name.DEMO_SHOPPER_PASSWORD));
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/id-id/checkout"));
            assertThat(browser.findElements(By.cssSelector("[data-account]"))).isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("[data-cart-count]")).getText()).isEqualTo("2");

            fill(browser, "recipient", "Ani Wijaya");
            fill(browser, "addressLine1", "Jl. Merdeka No. 1");
            fill(browser, "city", "Bandung");
            fill(browser, "region", "Jawa Barat");
            fill(browser, "postalCode", "40115");
            fill(browser, "phone", "+62 812 0000 0000");
            chromium.screenshot(screens("shop-checkout.png"));
            browser.findElement(By.cssSelector("[data-review]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-place]")));
            assertThat(browser.findElement(By.cssSelector("[data-total]")).getText()).startsWith("Rp");
            chromium.screenshot(screens("shop-review.png"));

            browser.findElement(By.cssSelector("[data-place]")).click();
            wait.until(ExpectedConditions.urlContains("/sandbox-pay/"));
            browser.findElement(By.cssSelector("[data-pay]")).click();
            wait.until(ExpectedConditions.urlContains("/id-id/orders/"));
            var number = browser.findElement(By.cssSelector("[data-order]")).getAttribute("data-order");
            for (int i = 0; i < 60 && !"PAID".equals(browser.findElement(By.cssSelector("main"))
                    .getAttribute("data-status")); i++) {
                Thread.sleep(500);
                browser.navigate().refresh();
            }
            assertThat(browser.findElement(By.cssSelector("main")).getAttribute("data-status")).isEqualTo("PAID");
            assertThat(browser.findElement(By.cssSelector("[data-status-label]")).getText()).isEqualTo("Dibayar");
            chromium.screenshot(screens("shop-order.png"));

            browser.get(base + "/id-id/account");
            assertThat(browser.findElement(By.cssSelector("tr[data-order='" + number + "']")).getText())
                    .contains("Rp");
            chromium.screenshot(screens("shop-account.png"));

            browser.findElement(By.cssSelector("tr[data-order='" + number + "'] a")).click();
            browser.findElement(By.cssSelector("[data-cancel]")).click();
            wait.until(ExpectedConditions.urlContains("done=cancelled"));
            assertThat(browser.findElement(By.cssSelector("main")).getAttribute("data-status")).isEqualTo("CANCELLED");
            chromium.screenshot(screens("shop-cancelled.png"));
        }
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (available(appliance, FIRST) + available(appliance, SECOND) != before && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(available(appliance, FIRST) + available(appliance, SECOND)).isEqualTo(before);
    }

    private static void fill(WebDriver browser, String field, String value) {
        var input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private static int available(Appliance appliance, String sku) throws SQLException {
        try (var db = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + appliance.ports().mariadb()
                + "/onshore", "onshore", appliance.secrets().get(Secrets.Name.DB_APP_PASSWORD));
                var query = db.prepareStatement("SELECT available FROM stock WHERE sku = ?")) {
            query.setString(1, sku);
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    private static Path screens(String name) {
        return Path.of(System.getProperty("onshore.root", "..")).resolve("docs/screens").resolve(name);
    }
}
