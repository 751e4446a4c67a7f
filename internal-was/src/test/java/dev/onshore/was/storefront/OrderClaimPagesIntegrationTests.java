package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.orders.ClaimReason;
import dev.onshore.was.orders.ExchangeStatus;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.ReturnStatus;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A delivered order's exchange and return forms on its page, as a guest's browser uses them (the order's cookie,
 * CSRF, the forms' one-time tokens): localized in the page's language, a confirmation after, field errors in place of
 * a 500, one claim for a double submit, nothing for a browser without the order's cookie.
 */
class OrderClaimPagesIntegrationTests extends ShopTestSupport {

    private static final String THIRTY = "HS-PROBIO-50B-30";
    private static final String SIXTY = "HS-PROBIO-50B-60";
    private static final Pattern CSRF = StorefrontBrowser.CSRF;

    @Autowired
    OrderManagement orders;

    /** A browser in {@code language} holding the guest's cookie of {@code order}. */
    private StorefrontBrowser browser(String language, HeldOrder order) {
        var browser = new StorefrontBrowser(mvc, language);
        browser.jar.put(ShopCookies.ORDER_PREFIX + order.number(), new Cookie(ShopCookies.ORDER_PREFIX + order.number(),
                order.accessToken()));
        return browser;
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * Keeps a page as rendered (its style is inline) under {@code -Donshore.it.dump-pages=<directory>}, to be looked
     * at in a browser; nothing without it.
     */
    private static void keep(String name, String html) throws java.io.IOException {
        var directory = System.getProperty("onshore.it.dump-pages");
        if (directory != null) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(directory));
            java.nio.file.Files.writeString(java.nio.file.Path.of(directory, name + ".html"), html);
        }
    }

    @Test
    void aDeliveredOrdersPageOffersALocalizedExchangeAndConfirmsIt() throws Exception {
        var order = deliveredOrder(THIRTY, 2, null);
        var browser = browser("id-ID", order);
        var page = browser.perform(get("/id-id/orders/" + order.number()));
        assertStatus(page, 200);
        var html = html(page);
        keep("order-exchange-form-id", html);
        assertThat(html).contains("data-exchange-form").contains("Ajukan penukaran").contains("Tukar dengan")
                .contains("value=\"" + SIXTY + "\"").contains("Rusak saat diterima").contains("data-claimable-until")
                .contains("data-return-form");
        assertThat(html).as("the sold-out variant is shown but cannot be chosen")
                .containsPattern("value=\"HS-PROBIO-50B-90\"[^>]*disabled");

        var action = "/id-id/orders/" + order.number() + "/exchange";
        var fields = Map.of("sku", THIRTY, "replacementSku", SIXTY, "quantity", "1", "reason", "OTHER_VARIANT",
                "note", "Lebih hemat");
        var sent = browser.submitFrom(html, action, fields);
        assertStatus(sent, 302);
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/id-id/orders/" + order.number()
                + "?done=exchange");
        var confirmed = html(browser.perform(get(sent.getResponse().getRedirectedUrl())));
        keep("order-exchange-confirmed-id", confirmed);
        assertThat(confirmed).contains("Permintaan penukaran Anda telah dikirim").contains("Penukaran diajukan")
                .doesNotContain("data-exchange-form").doesNotContain("data-return-form");

        // The same form sent again (a double click, a reload): the same confirmation, one claim.
        var again = browser.submitFrom(html, action, fields);
        assertStatus(again, 302);
        assertThat(again.getResponse().getRedirectedUrl()).endsWith("?done=exchange");
        var exchanged = orders.find(order.number()).orElseThrow();
        assertThat(exchanged.exchange().status()).isEqualTo(ExchangeStatus.REQUESTED);
        assertThat(exchanged.exchange().grounds().reason()).isEqualTo(ClaimReason.OTHER_VARIANT);
        assertThat(exchanged.exchange().grounds().note()).isEqualTo("Lebih hemat");
        assertThat(exchanged.history()).filteredOn(step -> step.status().startsWith("EXCHANGE_REQUESTED")).hasSize(1);
    }

    @Test
    void wrongFieldsAreShownInThePagesLanguageNextToTheFieldsAndNothingIsAsked() throws Exception {
        var order = deliveredOrder(THIRTY, 2, null);
        var browser = browser("ko-KR", order);
        var html = html(browser.perform(get("/id-id/orders/" + order.number())));
        var action = "/id-id/orders/" + order.number() + "/exchange";

        var tooMany = browser.submitFrom(html, action, Map.of("sku", THIRTY, "replacementSku", SIXTY,
                "quantity", "5", "reason", "OTHER_VARIANT"));
        assertStatus(tooMany, 422);
        keep("order-exchange-errors-id", html(tooMany));
        assertThat(html(tooMany)).contains("Hanya 2 unit " + THIRTY + " yang dipesan.")
                .contains("aria-invalid=\"true\"").contains("value=\"5\"").contains("data-exchange-form");

        // A refused submit frees its token: the corrected form may be sent with it.
        var noReason = browser.submitFrom(html, action, Map.of("sku", THIRTY, "replacementSku", SIXTY,
                "quantity", "x", "reason", ""));
        assertStatus(noReason, 400);
        assertThat(html(noReason)).contains("Pilih alasan dari daftar.").contains("Masukkan bilangan bulat minimal 1.");

        var soldOut = browser.submitFrom(html, action, Map.of("sku", THIRTY, "replacementSku", "HS-PROBIO-50B-90",
                "quantity", "1", "reason", "DAMAGED"));
        assertStatus(soldOut, 422);
        assertThat(html(soldOut)).contains("HS-PROBIO-50B-90 sedang habis.");

        var otherProduct = browser.submitFrom(html, action, Map.of("sku", THIRTY, "replacementSku", "HS-VITC-1000",
                "quantity", "1", "reason", "DAMAGED"));
        assertStatus(otherProduct, 422);
        assertThat(html(otherProduct)).contains("HS-VITC-1000 bukan varian dari produk yang sama");
        assertThat(orders.find(order.number()).orElseThrow().exchange()).isNull();

        var forged = browser.perform(post(action).param("formToken", "forged").param("sku", THIRTY)
                .param("replacementSku", SIXTY).param("quantity", "1").param("reason", "DAMAGED")
                .param("_csrf", csrf(html)));
        assertStatus(forged, 409);
        assertThat(html(forged)).contains("Formulir ini sudah kedaluwarsa.");
        assertThat(orders.find(order.number()).orElseThrow().exchange()).isNull();
    }

    @Test
    void aReturnTakesItsReasonAndAnotherBrowserCannotClaimTheOrder() throws Exception {
        var order = deliveredOrder("HS-COLLAGEN-TAB", 1, null);
        var owner = browser("en", order);
        var html = html(owner.perform(get("/th-th/orders/" + order.number())));
        assertThat(html).contains("ขอเปลี่ยนสินค้า").contains("สินค้าเสียหายเมื่อได้รับ");

        // The same browser session (its CSRF cookie) without the order's cookie: someone else on the device.
        var stranger = new StorefrontBrowser(mvc, "en");
        stranger.jar.putAll(owner.jar);
        stranger.jar.remove(ShopCookies.ORDER_PREFIX + order.number());
        var strangersPage = stranger.perform(get("/th-th/orders/" + order.number()));
        assertStatus(strangersPage, 404);
        assertStatus(stranger.submitFrom(html, "/th-th/orders/" + order.number() + "/return",
                Map.of("reason", "DAMAGED")), 404);
        assertThat(orders.find(order.number()).orElseThrow().returnStatus()).isNull();

        var returned = owner.submitFrom(html, "/th-th/orders/" + order.number() + "/return",
                Map.of("reason", "DAMAGED", "note", "ฝาแตก"));
        assertStatus(returned, 302);
        assertThat(html(owner.perform(get(returned.getResponse().getRedirectedUrl())))).contains("ขอคืนสินค้าแล้ว");
        var view = orders.find(order.number()).orElseThrow();
        assertThat(view.returnStatus()).isEqualTo(ReturnStatus.REQUESTED);
        assertThat(view.returnGrounds().reason()).isEqualTo(ClaimReason.DAMAGED);
        assertThat(view.returnGrounds().note()).isEqualTo("ฝาแตก");
    }

    private static String csrf(String html) {
        var matcher = CSRF.matcher(html);
        return matcher.find() ? matcher.group(1) : "";
    }
}
