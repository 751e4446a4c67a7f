package dev.onshore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.devstack.Appliance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The back office's orders and rates in a real Chromium through the operator's MFA login: an order a shopper paid
 * is prepared and shipped with its carrier and tracking number; an exchange rate is overridden with a reason and
 * the storefront's price follows, with the change in the audit trail (before and after); a marketplace export is
 * imported in the background while its page follows it to the imported order, and the batch-jobs page lists it.
 */
@ExtendWith(RunningAppliance.class)
class BackOfficeOrdersBrowserIntegrationTests {

    private static final Pattern RUPIAH = Pattern.compile("Rp[\\s\\u00A0\\u202F]*([0-9.]+)");

    private static Appliance appliance;

    @RegisterExtension
    final BrowserSession browser = BrowserSession.indonesianShopper(1280, 1000);
    private WebDriverWait wait;

    @BeforeAll
    static void appliance() {
        appliance = RunningAppliance.appliance();
    }

    @BeforeEach
    void signIn() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.signInToAdmin(appliance, appliance.adminUrl() + "/?lang=en", "operator");
        wait.until(ExpectedConditions.urlContains(appliance.adminUrl()));
    }

    @Test
    void anOperatorShipsAPaidOrderWithItsCarrierAndTrackingNumber() throws Exception {
        var number = paidOrder();
        browser.get(appliance.adminUrl() + "/orders");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-order='" + number + "']")));
        screenshot("admin-orders.png");

        browser.get(appliance.adminUrl() + "/orders/" + number);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-move='preparation']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("carrier"))).sendKeys("CJ대한통운");
        browser.findElement(By.id("trackingNumber")).sendKeys("6012-3456-7890");
        browser.findElement(By.cssSelector("button[data-move='shipment']")).click();
        var shipment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-shipment]")));
        assertThat(shipment.getText()).contains("CJ대한통운").contains("6012-3456-7890");
        assertThat(browser.findElement(By.cssSelector("ol.timeline")).getText()).contains("SHIPPED")
                .contains("operator");
        screenshot("admin-order-detail.png");
    }

    @Test
    void anOverriddenRateChangesTheStorefrontPriceAndIsAudited() throws Exception {
        // A product whose Indonesian price is converted from KRW at the day's rate (HS-VITC-1000 has a fixed IDR price,
        // which no rate moves).
        var page = appliance.storefrontUrl() + "/id-id/p/HS-MAG-300";
        var before = rupiah(page);

        browser.get(appliance.adminUrl() + "/rates");
        var rate = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-quote='IDR'] .rate")));
        var current = new BigDecimal(rate.getText());
        var raised = current.multiply(new BigDecimal("1.5")).setScale(4, RoundingMode.HALF_UP);
        screenshot("admin-rates.png");
        browser.findElement(By.id("rate-IDR")).sendKeys(raised.toPlainString());
        browser.findElement(By.id("reason-IDR")).sendKeys("System test: bank quote");
        browser.findElement(By.cssSelector("button[data-override='IDR']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice")));
        assertThat(new BigDecimal(browser.findElement(By.cssSelector("tr[data-quote='IDR'] .rate")).getText()))
                .isEqualByComparingTo(raised);

        var deadline = Instant.now().plusSeconds(30);
        var after = rupiah(page);
        while (after == before && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            after = rupiah(page);
        }
        assertThat(after).as("the storefront's rupiah price follows the rate").isGreaterThan(before);

        var audit = Http.get(appliance.internalWasUrl() + "/api/admin/audit?size=50", "Authorization",
                "Bearer " + Tokens.service(appliance), "X-Onshore-Operator", "operator", "X-Onshore-Operator-Roles",
                "ADMIN");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("rate").contains(raised.stripTrailingZeros().toPlainString())
                .contains(current.stripTrailingZeros().toPlainString()).contains("System test: bank quote");

        browser.get(appliance.adminUrl() + "/rates/IDR");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rate-chart canvas")));
        screenshot("admin-rate-history.png");
    }

    @Test
    void aMarketplaceImportRunsInTheBackgroundAndItsPageFollowsItToTheImportedOrders() throws Exception {
        var channel = "sys-" + UUID.randomUUID().toString().substring(0, 8);
        browser.get(appliance.adminUrl() + "/orders/import");
        var codes = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("form[action='/orders/import/codes']")));
        codes.findElement(By.name("channel")).sendKeys(channel);
        codes.findElement(By.name("code")).sendKeys("SYS-VITC");
        codes.findElement(By.name("sku")).sendKeys("HS-VITC-1000");
        codes.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-code='" + channel + "/SYS-VITC']")));

        var file = Files.createTempFile("marketplace-", ".csv");
        Files.writeString(file, "order_number,product_code,quantity,unit_price,recipient,address,country\n"
                + channel.toUpperCase() + "-1,SYS-VITC,1,12900,홍길동,서울특별시 중구 세종대로 110,KR\n");
        var upload = browser.findElement(By.cssSelector("form[enctype='multipart/form-data']"));
        upload.findElement(By.name("channel")).sendKeys(channel);
        upload.findElement(By.name("file")).sendKeys(file.toString());
        upload.findElement(By.cssSelector("button[type='submit']")).click();

        // The upload answers at once with the import's page, which polls until the import is over and then shows it.
        wait.until(ExpectedConditions.urlMatches("/orders/import/[0-9a-f-]{36}$"));
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("main.import-status[data-state='SUCCEEDED']")));
        var imported = browser.findElement(By.cssSelector("ul.imported a"));
        assertThat(imported.getText()).startsWith("ON");
        assertThat(browser.findElement(By.id("rows")).getText()).contains("1 of 1");
        // Not one of docs/screens (its file name and order number change every run): kept with the test's output.
        browser.screenshot("system-tests/target/screenshots", "admin-orders-import-imported.png");

        browser.get(appliance.adminUrl() + "/jobs");
        var row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-import]")));
        assertThat(browser.findElement(By.id("imports")).getText()).contains(file.getFileName().toString())
                .contains("operator").contains("Marketplace orders");
        assertThat(row.getAttribute("data-state")).isNotNull();
        Files.delete(file);
    }

    private static long rupiah(String page) {
        var response = Http.get(page, "Accept-Language", "id-ID");
        assertThat(response.statusCode()).isEqualTo(200);
        var matcher = RUPIAH.matcher(response.body());
        assertThat(matcher.find()).as("a rupiah price on " + page).isTrue();
        return Long.parseLong(matcher.group(1).replace(".", ""));
    }

    /** An order placed and paid (sandbox) through the gateway's shop API, as a shopper's client does; its number. */
    private static String paidOrder() throws Exception {
        var api = appliance.storefrontUrl() + "/api/shop/v1";
        var cart = Http.json(post(api + "/cart", "{\"market\":\"ID\"}")).get("token").asString();
        var line = post(api + "/cart/lines", "{\"sku\":\"HS-VITC-1000\",\"quantity\":1}", "Cart-Token", cart);
        assertThat(line.statusCode()).as(line.body()).isEqualTo(200);
        var placed = post(api + "/orders", """
                {"address":{"country":"ID","recipient":"Ani Wijaya","addressLine1":"Jl. Merdeka No. 1",
                 "city":"Bandung","region":"Jawa Barat","postalCode":"40115","phone":"+62 812 0000 0000"},
                 "shippingMethod":"standard","email":"ani@example.com"}""", "Cart-Token", cart,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        var number = Http.json(placed).get("order").get("number").asString();
        var accessToken = Http.json(placed).get("accessToken").asString();
        var payment = URI.create(Http.json(placed).get("paymentUrl").asString());
        var paid = post(appliance.storefrontUrl() + payment.getPath() + "/pay", "");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        var deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var order = Http.get(api + "/orders/" + number, "Order-Token", accessToken);
            if (order.statusCode() == 200 && Http.json(order).get("status").asString().equals("PAID")) {
                return number;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("order " + number + " was not paid in time");
    }

    private static java.net.http.HttpResponse<String> post(String url, String json, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Http.send(request.build());
    }

    private void screenshot(String name) {
        browser.screenshot("docs/screens", name);
    }
}
