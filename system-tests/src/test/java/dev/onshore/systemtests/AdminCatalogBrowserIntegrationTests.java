package dev.onshore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.devstack.Appliance;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The catalogue screens in a real Chromium against the real appliance (Keycloak with TOTP, admin, internal WAS,
 * storefront): an operator creates a product with a translation, a Singapore price and an image, submits it; a second
 * operator approves it (four eyes: through the admin API, the demo realm has one operator); the first publishes it, and
 * the Singapore storefront shows it in English and Singapore dollars.
 */
@ExtendWith(RunningAppliance.class)
class AdminCatalogBrowserIntegrationTests {

    private static Appliance appliance;

    @RegisterExtension
    final BrowserSession browser = BrowserSession.indonesianShopper(1280, 1000);
    private WebDriverWait wait;

    @BeforeAll
    static void appliance() {
        appliance = RunningAppliance.appliance();
    }

    @BeforeEach
    void openBrowser() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void signIn() {
        signIn("operator");
    }

    private void signIn(String username) {
        browser.signInToAdmin(appliance, appliance.adminUrl() + "/products?lang=en", username);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.products")));
    }

    private void field(String name, String value) {
        var input = browser.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void theDemoViewerReadsTheCatalogueButItsNavigationAndPagesWithholdChangesAndPersonalData() {
        signIn("viewer");

        var navigation = browser.findElement(By.cssSelector("header nav")).getText();
        assertThat(navigation).contains("Products", "Orders", "Statistics").doesNotContain("Customers", "Audit log");
        assertThat(browser.findElements(By.cssSelector("table.products tbody tr"))).isNotEmpty();

        browser.get(appliance.adminUrl() + "/products/new?lang=en");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main"))).getText())
                .contains("Not allowed");
        browser.get(appliance.adminUrl() + "/customers?lang=en");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main"))).getText())
                .contains("Not allowed");
    }

    @Test
    void aProductCreatedTranslatedPricedAndIllustratedGoesThroughApprovalAndShowsOnTheStorefront() throws Exception {
        var sku = "HS-SYS-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
        var name = "Jeju green tea " + sku;
        signIn();
        screenshot("admin-products.png");

        browser.get(appliance.adminUrl() + "/products/new");
        field("sku", sku);
        field("name", name);
        field("brand", "Jeju Leaf");
        field("basePrice", "18000");
        field("baseCurrency", "KRW");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/products/" + sku));

        browser.get(appliance.adminUrl() + "/products/" + sku + "?tab=texts");
        var english = browser.findElement(By.cssSelector("form[action$='/texts/en']"));
        english.findElement(By.name("summary")).sendKeys("First-flush leaves from Jeju");
        english.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
        screenshot("admin-products-texts.png");

        browser.get(appliance.adminUrl() + "/products/" + sku + "?tab=offers");
        var singapore = browser.findElement(By.cssSelector("form[action$='/offers/SG']"));
        browser.findElement(By.xpath("//details[.//form[contains(@action,'/offers/SG')]]/summary")).click();
        singapore.findElement(By.name("listPrice")).sendKeys("-5");
        singapore.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.field-error"))).getText())
                .as("an invalid price is refused at its field").contains("positive");
        singapore = browser.findElement(By.cssSelector("form[action$='/offers/SG']"));
        singapore.findElement(By.name("listPrice")).clear();
        singapore.findElement(By.name("listPrice")).sendKeys("24.90");
        singapore.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-market='SG'] .local-price")));
        // Written with ICU for the operator's language (the back office's one amount format), not the raw decimal.
        assertThat(browser.findElement(By.cssSelector("tr[data-market='SG'] .local-price")).getText()
                .replace('\u00a0', ' ')).isEqualTo("SGD 24.90");
        screenshot("admin-products-offers.png");

        var png = Files.createTempFile("product", ".png");
        var image = new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) {
            for (int y = 0; y < 320; y++) {
                image.setRGB(x, y, (x * 255 / 320) << 8 | (y * 255 / 320));
            }
        }
        ImageIO.write(image, "png", png.toFile());
        browser.get(appliance.adminUrl() + "/products/" + sku + "?tab=images");
        browser.findElement(By.name("image")).sendKeys(png.toAbsolutePath().toString());
        field("alt.en", "A tin of Jeju green tea");
        browser.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.images img")));
        screenshot("admin-products-images.png");

        browser.get(appliance.adminUrl() + "/products/" + sku + "?tab=workflow");
        browser.findElement(By.cssSelector("button[data-action=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.waiting")));

        var approval = Http.send(HttpRequest.newBuilder(URI.create(appliance.internalWasUrl() + "/api/admin/products/"
                        + sku + "/approval")).PUT(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + Tokens.service(appliance))
                .header("X-Onshore-Operator", "reviewer").header("X-Onshore-Operator-Roles", "CATALOG_MANAGER")
                .build());
        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);

        browser.get(appliance.adminUrl() + "/products/" + sku + "?tab=workflow");
        browser.findElement(By.cssSelector("button[data-action=publish]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1 .badge"), "Published"));
        assertThat(browser.findElement(By.cssSelector("table.lifecycle")).getText())
                .contains("operator", "reviewer");
        screenshot("admin-products-workflow.png");

        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        browser.get(appliance.storefrontUrl() + "/en-sg/p/" + sku);
        while (!browser.getPageSource().contains(name) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            browser.navigate().refresh();
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(name);
        assertThat(browser.getPageSource()).contains("24.90");
        screenshot("admin-products-storefront-sg.png");

        browser.get(appliance.adminUrl() + "/products/import");
        screenshot("admin-products-import.png");
    }

    @Test
    void aCategoryAddedAndRenamedInTheBackOfficeShowsOnTheStorefrontAndOneInUseIsNotDeleted() throws Exception {
        var slug = "sys-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        var code = "health." + slug;
        var node = "//div[@id='category-" + code + "']";
        signIn();
        browser.get(appliance.adminUrl() + "/categories?lang=en");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//div[@id='category-health']")));
        browser.findElement(By.xpath("//details[.//input[@name='parent' and @value='health']]/summary")).click();
        var add = browser.findElement(By.xpath("//form[.//input[@name='parent' and @value='health']]"));
        add.findElement(By.name("slug")).sendKeys(slug);
        add.findElement(By.name("name.en")).sendKeys("Teas " + slug);
        add.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(node)));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Category added.");
        storefrontHeading("/en-sg/c/" + code, "Teas " + slug);

        browser.findElement(By.xpath(node + "//details[.//form[contains(@action,'/rename')]]/summary")).click();
        var rename = browser.findElement(By.xpath(node + "//form[contains(@action,'/rename')]"));
        rename.findElement(By.name("name.en")).clear();
        rename.findElement(By.name("name.en")).sendKeys("Green teas " + slug);
        rename.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Names saved."));
        storefrontHeading("/en-sg/c/" + code, "Green teas " + slug);

        browser.get(appliance.adminUrl() + "/categories?lang=en");
        browser.findElement(By.xpath("//div[@id='category-health.vitamins']//form[contains(@action,'/delete')]//button"))
                .click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.problem"))).getText())
                .as("a category with products is kept").contains("health.vitamins was not deleted");
        screenshot("admin-categories.png");

        browser.findElement(By.xpath(node + "//form[contains(@action,'/delete')]//button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Category deleted."));
        assertThat(browser.findElements(By.xpath(node))).isEmpty();
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var status = 0;
        while ((status = Http.get(appliance.storefrontUrl() + "/en-sg/c/" + code).statusCode()) != 404
                && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        assertThat(status).as("the deleted category's page").isEqualTo(404);
    }

    /** Waits (60 s at most: the pages drop once the change's signal arrives) for the storefront page's heading. */
    private void storefrontHeading(String path, String heading) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var admin = browser.getCurrentUrl();
        browser.get(appliance.storefrontUrl() + path);
        while (!browser.findElement(By.tagName("h1")).getText().contains(heading) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            browser.navigate().refresh();
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(heading);
        browser.get(admin);
    }

    private void screenshot(String name) {
        browser.screenshot("system-tests/target/screenshots", name);
    }
}
