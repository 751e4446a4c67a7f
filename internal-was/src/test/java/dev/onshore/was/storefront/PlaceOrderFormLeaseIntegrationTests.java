package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.onshore.was.LeaseTestSupport;
import dev.onshore.was.security.BearerTokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The place-order form's one-time token when the node placing the order dies: a submit after the token's lease
 * (30 s) takes the form over, and either places the order (the dead submit placed nothing) or sends the shopper to
 * the payment of the order the dead submit placed; never a second order, never "still being placed" for an hour.
 */
class PlaceOrderFormLeaseIntegrationTests extends LeaseTestSupport {

    private static final String SKU = "HS-COLLAGEN-TAB";

    /** The dead node claimed the token and placed nothing: the shopper's next submit places the order. */
    @Test
    void aSubmitAfterTheLeaseOfADeadSubmitThatPlacedNothingPlacesTheOrder() throws Exception {
        var checkout = reviewedCheckout("died-before");
        jdbc.sql("""
                INSERT INTO storefront_form_token (token_hash, state, created_at, claim_token, lease_until)
                VALUES (?, 'RUNNING', ?, ?, ?)""").params(BearerTokens.hash(checkout.token()),
                Timestamp.from(clock.instant()), UUID.randomUUID().toString(),
                Timestamp.from(clock.instant().plusSeconds(30))).update();
        try {
            var held = checkout.browser().submitFrom(checkout.html(), "/id-id/checkout/place", checkout.fields());
            assertStatus(held, 409);
            assertThat(held.getResponse().getContentAsString()).contains("sedang diproses");

            clock.advance(PAST_THE_LEASE);
            var placed = checkout.browser().submitFrom(checkout.html(), "/id-id/checkout/place", checkout.fields());
            assertStatus(placed, 302);
            assertThat(placed.getResponse().getRedirectedUrl()).contains("/sandbox-pay/");
            assertThat(ordersTo(checkout.email())).isEqualTo(1);
        } finally {
            clock.set(Instant.now());
        }
    }

    /**
     * The first submit placed its order and stopped answering (it waits on the payment table, locked by the test,
     * past its lease, as a killed node would never answer); a second submit takes the form over and is sent to that
     * order's payment; the first, released, answers the same; one order.
     */
    @Test
    void aSubmitAfterTheLeaseOfASubmitThatPlacedTheOrderIsSentToThatOrdersPayment() throws Exception {
        var checkout = reviewedCheckout("died-after");
        var again = new StorefrontBrowser(mvc, "id-ID");
        again.jar.putAll(checkout.browser().jar);
        var hash = BearerTokens.hash(checkout.token());
        try (var lock = dataSource.getConnection(); var statement = lock.createStatement()) {
            statement.execute("LOCK TABLES payment WRITE");
            CompletableFuture<MvcResult> first;
            CompletableFuture<MvcResult> second;
            try {
                first = submitting(checkout.browser(), checkout);
                await("the first submit's order to commit", () -> "EFFECTED".equals(column("state", hash)));
                var claimedBy = column("claim_token", hash);
                clock.advance(PAST_THE_LEASE);
                second = submitting(again, checkout);
                await("the second submit to take the form over", () -> !claimedBy.equals(column("claim_token", hash)));
            } finally {
                statement.execute("UNLOCK TABLES");
            }
            var resumed = second.get(30, TimeUnit.SECONDS);
            var original = first.get(30, TimeUnit.SECONDS);
            assertStatus(resumed, 302);
            assertStatus(original, 302);
            assertThat(resumed.getResponse().getRedirectedUrl()).contains("/sandbox-pay/")
                    .isEqualTo(original.getResponse().getRedirectedUrl());
            assertThat(ordersTo(checkout.email())).isEqualTo(1);
            assertThat(column("state", hash)).isEqualTo("DONE");
            // The resumed answer gave this browser the guest's cookie of the order, as placing does.
            assertThat(again.jar.keySet()).anyMatch(name -> name.startsWith(ShopCookies.ORDER_PREFIX));
        } finally {
            clock.set(Instant.now());
        }
    }

    private CompletableFuture<MvcResult> submitting(StorefrontBrowser browser, Checkout checkout) {
        return meanwhile(() -> browser.submitFrom(checkout.html(), "/id-id/checkout/place", checkout.fields()));
    }

    /** A guest's browser with one line in the cart and the reviewed checkout page, its form token and fields. */
    private Checkout reviewedCheckout(String name) throws Exception {
        var browser = new StorefrontBrowser(mvc, "id-ID");
        assertStatus(browser.perform(post("/id-id/cart/add").param("sku", SKU).param("quantity", "1")), 302);
        var email = name + "-" + UUID.randomUUID() + "@example.com";
        var fields = new LinkedHashMap<String, String>(Map.of("email", email, "shippingMethod", "standard",
                "recipient", "Ani Wijaya", "addressLine1", "Jl. Merdeka No. 1", "city", "Bandung",
                "region", "Jawa Barat", "postalCode", "40115", "phone", "+62 812 0000 0000"));
        var review = browser.submit("/id-id/checkout", "/id-id/checkout", fields);
        assertStatus(review, 200);
        var html = review.getResponse().getContentAsString();
        var token = StorefrontBrowser.formToken(html, "/id-id/checkout/place");
        assertThat(token).isNotNull();
        fields.put("formToken", token);
        return new Checkout(browser, html, token, email, fields);
    }

    private record Checkout(StorefrontBrowser browser, String html, String token, String email,
            Map<String, String> fields) {
    }

    private String column(String name, String hash) {
        return jdbc.sql("SELECT " + name + " FROM storefront_form_token WHERE token_hash = ?").param(hash)
                .query(String.class).optional().orElse("none");
    }
}
