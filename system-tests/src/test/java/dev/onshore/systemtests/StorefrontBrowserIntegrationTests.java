package dev.onshore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.devstack.Appliance;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An Indonesian shopper in a real Chromium (Debian's) browses home → a category → search → a product, on a desktop
 * and on a phone: Bahasa Indonesia and rupiah at every step, nothing wider than the screen. The screenshots are kept
 * in docs/screenshots/.
 */
@ExtendWith(RunningAppliance.class)
class StorefrontBrowserIntegrationTests {

    private static Appliance appliance;

    @RegisterExtension
    final BrowserSession browser = BrowserSession.indonesianShopper();

    @BeforeAll
    static void appliance() {
        appliance = RunningAppliance.appliance();
    }

    @ParameterizedTest(name = "{0} ({1}x{2})")
    @CsvSource({"desktop, 1280, 900", "mobile, 390, 844"})
    void indonesianShopperBrowsesHomeCategorySearchAndProductInRupiah(String device, int width, int height)
            throws IOException {
        browser.manage().window().setSize(new Dimension(width, height));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        // Home: the market's CMS page, in Bahasa Indonesia, prices in rupiah.
        browser.get(appliance.storefrontUrl() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/id-id/");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id-ID");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Produk kami");
        assertThat(browser.findElement(By.cssSelector(".banner img")).getAttribute("alt"))
                .startsWith("Vitamin dan ginseng merah Korea");
        assertThat(browser.findElement(By.cssSelector(".hot-deal")).getText()).contains("Promo kilat hari ini")
                .contains("Rp");
        assertThat(browser.findElement(By.cssSelector(".hot-deal .deal-price strong")).getText()).startsWith("Rp");
        assertThat(browser.findElements(By.cssSelector(".product-list h2"))).extracting(e -> e.getText())
                .contains("Terlaris");
        assertRupiahCards();
        assertThat(browser.findElements(By.cssSelector("li.product[data-sku='HS-OMEGA3-90']"))).isEmpty();
        fitsTheScreen(width);
        screenshot("storefront-id-home-" + device + ".png");

        // A category from the navigation.
        browser.findElement(By.cssSelector("nav.categories a[href='/id-id/c/health']")).click();
        wait.until(ExpectedConditions.urlContains("/id-id/c/health"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Suplemen kesehatan");
        assertThat(browser.findElement(By.cssSelector("p.count")).getText()).endsWith("produk");
        assertThat(browser.findElement(By.cssSelector("label[for='sort']")).getText()).isNotBlank();
        assertRupiahCards();
        fitsTheScreen(width);
        screenshot("storefront-id-category-" + device + ".png");

        // Search as typed in the header.
        var box = browser.findElement(By.id("q"));
        assertThat(box.getAttribute("placeholder")).isEqualTo("Cari vitamin, ginseng...");
        box.sendKeys("vitamin c");
        browser.findElement(By.cssSelector("form.search button")).click();
        wait.until(ExpectedConditions.urlContains("/id-id/search"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hasil untuk “vitamin c”");
        assertThat(browser.findElement(By.cssSelector("li.product h2")).getText()).containsIgnoringCase("vitamin c");
        assertRupiahCards();
        fitsTheScreen(width);
        screenshot("storefront-id-search-" + device + ".png");

        // The product page.
        browser.findElement(By.cssSelector("li.product[data-sku='HS-VITC-1000'] h2 a")).click();
        wait.until(ExpectedConditions.urlContains("/id-id/p/HS-VITC-1000"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vitamin C 1000 mg");
        // WebDriver reports the no-break space between symbol and amount as a plain space.
        assertThat(browser.findElement(By.cssSelector(".product-page .price strong")).getText())
                .isEqualTo("Rp 189.000");
        assertThat(browser.findElement(By.cssSelector(".availability")).getText()).isEqualTo("Tersedia");
        assertThat(browser.findElement(By.id("h-regulatory")).getText()).isEqualTo("Informasi regulasi");
        assertThat(browser.findElements(By.cssSelector(".translation-note"))).isEmpty();
        fitsTheScreen(width);
        screenshot("storefront-id-product-" + device + ".png");
    }

    private void assertRupiahCards() {
        var prices = browser.findElements(By.cssSelector("li.product .price strong"));
        assertThat(prices).isNotEmpty().allSatisfy(price -> assertThat(price.getText()).startsWith("Rp"));
    }

    /** Nothing makes the page scroll sideways (a phone's most common layout bug). */
    private void fitsTheScreen(int width) {
        var js = (JavascriptExecutor) browser;
        var scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue();
        var culprits = js.executeScript("return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > arguments[0] + 1)"
                + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))",
                width);
        assertThat(scrollWidth).as("page width at a %d px window; too wide: %s", width, culprits)
                .isLessThanOrEqualTo(width);
    }

    private void screenshot(String name) {
        browser.screenshot("docs/screenshots", name);
    }
}
