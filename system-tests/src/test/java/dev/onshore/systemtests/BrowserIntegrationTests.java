package dev.onshore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.devstack.Appliance;
import dev.onshore.devstack.Secrets;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real Chromium (Debian's) on the storefront and through the operator's MFA login into the admin. */
@ExtendWith(RunningAppliance.class)
class BrowserIntegrationTests {

    private static Appliance appliance;

    @RegisterExtension
    final BrowserSession browser = BrowserSession.indonesianShopper();

    @BeforeAll
    static void appliance() {
        appliance = RunningAppliance.appliance();
    }

    @Test
    void indonesianShopperSeesBahasaIndonesiaAndRupiahOnDesktopAndMobile() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(appliance.storefrontUrl() + "/");

        assertThat(browser.getCurrentUrl()).endsWith("/id-id/");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id-ID");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Produk kami");
        var prices = browser.findElements(By.cssSelector("li.product .price strong"));
        assertThat(prices).isNotEmpty().allSatisfy(price -> assertThat(price.getText()).startsWith("Rp"));
        screenshot("storefront-id-desktop.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        var first = browser.findElement(By.cssSelector("li.product"));
        assertThat(first.getRect().getWidth()).as("cards fill a phone's width").isGreaterThan(300);
        screenshot("storefront-id-mobile.png");
    }

    @Test
    void operatorSignsInWithPasswordAndTotpAndSeesTheCatalog() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(appliance.adminUrl() + "/");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("operator");
        browser.findElement(By.id("password")).sendKeys(appliance.secrets().get(Secrets.Name.DEMO_OPERATOR_PASSWORD));
        browser.findElement(By.id("kc-login")).click();

        var otp = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        assertThat(browser.getCurrentUrl()).as("Keycloak asks for the second factor").contains("/realms/operators/");
        otp.sendKeys(OperatorCodes.next(appliance, "operator"));
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-sku='HS-VITC-1000']")));
        assertThat(browser.getCurrentUrl()).startsWith(appliance.adminUrl());
        assertThat(browser.findElement(By.tagName("header")).getText()).contains("operator");
        screenshot("admin-catalog.png");
    }

    private void screenshot(String name) {
        browser.screenshot("system-tests/target/screenshots", name);
    }
}
