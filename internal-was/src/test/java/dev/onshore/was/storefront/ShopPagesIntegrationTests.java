package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.cart.CartKey;
import dev.onshore.was.cart.Carts;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderStatus;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The storefront's cart, checkout, order and account pages, as a browser uses them (cookies, forms, CSRF). */
class ShopPagesIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-COLLAGEN-TAB";
    private static final String OTHER = "HS-VITC-1000";
    private static final Pattern CSRF = StorefrontBrowser.CSRF;
    private static final Pattern FORM_TOKEN = StorefrontBrowser.FORM_TOKEN;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    Stock stock;

    @Autowired
    Carts carts;

    @Autowired
    OrderManagement orders;

    @Autowired
    ShopCookies cookies;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    /** A browser in Indonesian. */
    private StorefrontBrowser browser() {
        return new StorefrontBrowser(mvc, "id-ID");
    }

    @Test
    void addToCartFromTheSharedProductPageThenTheCartShowsServerPricesAndTheHeaderCount() throws Exception {
        var browser = browser();
        var product = browser.perform(get("/id-id/p/" + SKU));
        assertStatus(product, 200);
        // The product page stays shareable: its form carries no per-shopper token and it sets no cookie.
        assertThat(product.getResponse().getContentAsString()).contains("data-add-to-cart")
                .contains("action=\"/id-id/cart/add\"").doesNotContain("_csrf");
        assertThat(product.getResponse().getHeaders("Set-Cookie")).isEmpty();

        // A tampered price field is ignored: the price is the catalog's.
        var added = browser.perform(post("/id-id/cart/add").param("sku", SKU).param("quantity", "2")
                .param("price", "1").param("total", "1"));
        assertStatus(added, 302);
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/id-id/cart");
        var cookie = added.getResponse().getHeader("Set-Cookie");
        assertThat(cookie).startsWith("onshore_cart_ID=").contains("HttpOnly").contains("SameSite=Lax");

        var cart = browser.perform(get("/id-id/cart"));
        assertStatus(cart, 200);
        var price = catalog.findForShopper(new Sku(SKU), "ID", "id").orElseThrow().price();
        var expected = Money.of(price.multiply(java.math.BigDecimal.TWO), java.util.Currency.getInstance("IDR"))
                .format(Locale.of("id", "ID"));
        var html = cart.getResponse().getContentAsString();
        assertThat(html).contains(expected).contains("data-cart-count>2<").contains("Keranjang");
        assertThat(cart.getResponse().getHeader("Cache-Control")).contains("no-store");

        // Change the quantity, then remove the line: the totals follow.
        assertStatus(browser.submit("/id-id/cart", "/id-id/cart/update", Map.of("sku", SKU, "quantity", "1")), 302);
        assertThat(browser.perform(get("/id-id/cart")).getResponse().getContentAsString())
                .contains("data-cart-count>1<");
        assertStatus(browser.submit("/id-id/cart", "/id-id/cart/remove", Map.of("sku", SKU)), 302);
        assertThat(browser.perform(get("/id-id/cart")).getResponse().getContentAsString())
                .contains("Keranjang Anda kosong.");
    }

    @Test
    void anonymousCataloguePagesMayStayInTheBackForwardCacheWhilePagesWithTheShoppersCartMayNot() throws Exception {
        var browser = browser();
        for (var page : java.util.List.of("/id-id/", "/id-id/c/health.vitamins", "/id-id/search?q=vitamin",
                "/id-id/p/" + OTHER)) {
            // Rendered, then served from the page cache: both copies may be stored (no-store bars the bfcache).
            for (var visit = 1; visit <= 2; visit++) {
                var result = browser.perform(get(URI.create(page)));
                assertStatus(result, 200);
                assertThat(result.getResponse().getHeader("Cache-Control")).as(page + " visit " + visit)
                        .isEqualTo("no-cache");
            }
        }
        assertStatus(browser.perform(post("/id-id/cart/add").param("sku", SKU).param("quantity", "1")), 302);
        assertThat(browser.perform(get("/id-id/p/" + OTHER)).getResponse().getHeader("Cache-Control"))
                .as("a product page showing the shopper's cart count").contains("no-store");
        assertThat(browser.perform(get("/id-id/cart")).getResponse().getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void badQuantitiesAndUnknownSkusAreRefusedOnThePageInTheShoppersLanguageAndChangeNothing() throws Exception {
        var browser = browser();
        assertStatus(browser.perform(post("/id-id/cart/add").param("sku", SKU).param("quantity", "1")), 302);
        var max = catalog.findForShopper(new Sku(SKU), "ID", "id").orElseThrow().maxPerOrder();
        for (var quantity : new String[] {"0", "-3", "99999999999999", "abc", ""}) {
            var refused = browser.perform(post("/id-id/cart/add").param("sku", SKU).param("quantity", quantity));
            assertStatus(refused, 400);
            assertThat(refused.getResponse().getContentAsString()).contains("shop-error");
        }
        var tooMany = browser.perform(post("/id-id/cart/add").param("sku", SKU).param("quantity",
                String.valueOf(max + 1)));
        assertStatus(tooMany, 409);
        assertThat(tooMany.getResponse().getContentAsString()).contains(String.valueOf(max));
        var unknown = browser.perform(post("/id-id/cart/add").param("sku", "HS-NO-SUCH-THING").param("quantity", "1"));
        assertStatus(unknown, 404);
        var update = browser.submit("/id-id/cart", "/id-id/cart/update", Map.of("sku", SKU, "quantity", "0"));
        assertStatus(update, 400);
        assertThat(browser.perform(get("/id-id/cart")).getResponse().getContentAsString())
                .contains("data-cart-count>1<");

        // A form posted from another site is refused; a forged cart cookie opens no cart.
        var foreign = browser.perform(post("/id-id/cart/add").param("sku", SKU).param("quantity", "1")
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site"));
        assertStatus(foreign, 403);
        var forged = mvc.perform(get("/id-id/cart").cookie(new Cookie("onshore_cart_ID", "stolen.bad-signature")))
                .andReturn();
        assertThat(forged.getResponse().getContentAsString()).contains("cart-empty");
        // Without the CSRF token the cart page's forms are refused.
        assertStatus(browser.perform(post("/id-id/cart/update").param("sku", SKU).param("quantity", "2")), 403);
    }

    @Test
    void guestChecksOutWithTheCountrysAddressFormAndADoubleSubmitPlacesOneOrder() throws Exception {
        var browser = browser();
        var before = stock.available(OTHER);
        assertStatus(browser.perform(post("/id-id/cart/add").param("sku", OTHER).param("quantity", "2")), 302);
        var form = browser.perform(get("/id-id/checkout"));
        assertStatus(form, 200);
        assertThat(form.getResponse().getContentAsString()).contains("name=\"postalCode\"").contains("Kode pos")
                .contains("name=\"region\"");

        var email = "guest-" + UUID.randomUUID() + "@example.com";
        var address = new LinkedHashMap<String, String>(Map.of("email", email, "shippingMethod", "standard",
                "recipient", "Ani Wijaya", "addressLine1", "Jl. Merdeka No. 1", "city", "Bandung",
                "region", "Jawa Barat", "postalCode", "40115", "phone", "+62 812 0000 0000"));
        var missing = new LinkedHashMap<>(address);
        missing.put("postalCode", "");
        var invalid = browser.submit("/id-id/checkout", "/id-id/checkout", missing);
        assertStatus(invalid, 400);
        assertThat(invalid.getResponse().getContentAsString()).contains("aria-invalid=\"true\"");

        var tampered = new LinkedHashMap<>(address);
        tampered.put("total", "1");
        var review = browser.submit("/id-id/checkout", "/id-id/checkout", tampered);
        assertStatus(review, 200);
        var html = review.getResponse().getContentAsString();
        assertThat(html).contains("data-total").contains("Termasuk pajak").doesNotContain(">Rp 1<");
        var token = FORM_TOKEN.matcher(html);
        assertThat(token.find()).isTrue();

        var place = new LinkedHashMap<>(address);
        place.put("formToken", token.group(1));
        var first = browser.submitFrom(html, "/id-id/checkout/place", place);
        assertStatus(first, 302);
        var second = browser.submitFrom(html, "/id-id/checkout/place", place);
        assertStatus(second, 302);
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl())
                .contains("/sandbox-pay/");
        assertThat(ordersTo(email)).isEqualTo(1);
        assertThat(stock.available(OTHER)).isEqualTo(before - 2);

        // Pay on the sandbox's page, come back to the order's page (the guest's cookie opens it).
        var payment = URI.create(first.getResponse().getRedirectedUrl());
        var paid = browser.perform(post(payment.getPath() + "/pay"));
        var back = URI.create(paid.getResponse().getHeader("Location"));
        var number = back.getPath().substring(back.getPath().lastIndexOf('/') + 1);
        var localized = browser.perform(get(back.getPath() + "?" + back.getQuery()));
        assertStatus(localized, 302);
        assertThat(localized.getResponse().getRedirectedUrl()).startsWith("/id-id/orders/" + number);
        await("the order to be paid", () -> orders.find(number).orElseThrow().status() == OrderStatus.PAID);
        var order = browser.perform(get("/id-id/orders/" + number));
        assertStatus(order, 200);
        assertThat(order.getResponse().getContentAsString()).contains(number).contains("Dibayar")
                .contains("data-cancel");
        assertStatus(mvc.perform(get("/id-id/orders/" + number)).andReturn(), 404); // no cookie, no order

        // Cancel before shipping: refunded, stock back; a second cancel is refused on the page.
        var orderPage = order.getResponse().getContentAsString();
        assertStatus(browser.submitFrom(orderPage, "/id-id/orders/" + number + "/cancel", Map.of()), 302);
        assertThat(orders.find(number).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        await("the stock to be restored", () -> stock.available(OTHER) == before);
        assertThat(browser.perform(get("/id-id/orders/" + number)).getResponse().getContentAsString())
                .contains("Dibatalkan").doesNotContain("data-cancel");
        var again = browser.submitFrom(orderPage, "/id-id/orders/" + number + "/cancel", Map.of());
        assertStatus(again, 409);
        assertThat(again.getResponse().getContentAsString()).contains("tidak dapat dibatalkan");
    }

    @Test
    void aForgedOrExpiredFormTokenPlacesNothing() throws Exception {
        var browser = browser();
        assertStatus(browser.perform(post("/id-id/cart/add").param("sku", SKU).param("quantity", "1")), 302);
        var html = browser.perform(get("/id-id/checkout")).getResponse().getContentAsString();
        var email = "expired-" + UUID.randomUUID() + "@example.com";
        var old = Instant.now().minus(FormTokens.VALID).minusSeconds(60).getEpochSecond();
        var body = "PLACE_ORDER.abcdefabcdef." + old;
        for (var token : new String[] {"forged", body + "." + cookies.sign("form:" + body), ""}) {
            var placed = browser.submitFrom(html, "/id-id/checkout/place", Map.of("formToken", token, "email", email,
                    "shippingMethod", "standard", "recipient", "Ani", "addressLine1", "Jl. 1", "city", "Bandung",
                    "region", "Jawa Barat", "postalCode", "40115"));
            assertStatus(placed, 400);
            assertThat(placed.getResponse().getContentAsString()).contains("terlalu lama");
        }
        assertThat(ordersTo(email)).isZero();
    }

    @Test
    void loginStartsAnAuthorizationCodeRequestWithPkceAndTheAccountNeedsALogin() throws Exception {
        var browser = browser();
        var account = browser.perform(get("/id-id/account"));
        assertStatus(account, 302);
        assertThat(account.getResponse().getRedirectedUrl()).startsWith("/id-id/login?next=/id-id/account");
        var login = browser.perform(get("/id-id/login").param("next", "/id-id/checkout"));
        assertStatus(login, 302);
        var start = browser.perform(get(login.getResponse().getRedirectedUrl()));
        assertStatus(start, 302);
        var authorize = start.getResponse().getRedirectedUrl();
        assertThat(authorize).startsWith("http://localhost:8080/realms/shoppers/protocol/openid-connect/auth?")
                .contains("client_id=onshore-storefront").contains("code_challenge_method=S256")
                .contains("code_challenge=").contains("state=").contains("ui_locales=id")
                .contains("redirect_uri=https://shop.onshore.test/login/oauth2/code/shoppers");
        assertThat(browser.jar).containsKey(ShopCookies.LOGIN);
        // Somewhere else is never where a login ends.
        assertThat(ShopperLogin.next("https://evil.example/", locales())).isEqualTo("/en-us/");
        assertThat(ShopperLogin.next("//evil.example/", locales())).isEqualTo("/en-us/");

        var signup = browser.perform(get("/oauth2/authorization/shoppers").param("signup", "1"));
        assertThat(signup.getResponse().getRedirectedUrl()).contains("/protocol/openid-connect/registrations?");
    }

    @Test
    void aMemberSeesTheirOrderHistoryAndTheGuestCartMergesIntoTheirs() throws Exception {
        var subject = "member-" + UUID.randomUUID();
        var guest = carts.create("ID", null, "id");
        carts.add(CartKey.guest(guest.token()), SKU, 2, "id");
        var member = carts.create("ID", subject, "id");
        carts.add(CartKey.member(subject), SKU, 1, "id");
        carts.add(CartKey.member(subject), OTHER, 1, "id");
        var merged = carts.merge(guest.token(), subject, "id").orElseThrow();
        assertThat(merged.lines()).extracting(line -> line.sku() + "x" + line.quantity())
                .containsExactlyInAnyOrder(SKU + "x3", OTHER + "x1");
        assertThat(carts.find(CartKey.guest(guest.token()), "id")).isEmpty();
        assertThat(carts.merge(guest.token(), subject, "id")).isEmpty();
        assertThat(member.token()).isNotBlank();

        var browser = browser();
        var shopper = new Shopper(subject, "Ani", "ani@example.com", "", Instant.now().plusSeconds(600)
                .getEpochSecond());
        browser.jar.put(ShopCookies.SHOPPER, new Cookie(ShopCookies.SHOPPER,
                cookies.seal(ShopCookies.SHOPPER, json.writeValueAsBytes(shopper))));
        var cart = browser.perform(get("/id-id/cart"));
        assertThat(cart.getResponse().getContentAsString()).contains("data-cart-count>4<").contains("data-account");
        var review = browser.submit("/id-id/checkout", "/id-id/checkout", Map.of("email", "ani@example.com",
                "shippingMethod", "express", "recipient", "Ani", "addressLine1", "Jl. 1", "city", "Bandung",
                "region", "Jawa Barat", "postalCode", "40115", "phone", "+62 812 0000 0000"));
        assertStatus(review, 200);
        var html = review.getResponse().getContentAsString();
        var token = FORM_TOKEN.matcher(html);
        assertThat(token.find()).isTrue();
        var placed = browser.submitFrom(html, "/id-id/checkout/place", Map.of("formToken", token.group(1),
                "email", "ani@example.com", "shippingMethod", "express", "recipient", "Ani", "addressLine1", "Jl. 1",
                "city", "Bandung", "region", "Jawa Barat", "postalCode", "40115", "phone", "+62 812 0000 0000"));
        assertStatus(placed, 302);
        var number = orders.findForMember(subject, 10).getFirst().number();
        var account = browser.perform(get("/id-id/account"));
        assertStatus(account, 200);
        assertThat(account.getResponse().getContentAsString()).contains(number).contains("Pesanan Anda");
        // The member's order opens by their login, without an order cookie; a forged login cookie opens nothing.
        browser.jar.keySet().removeIf(name -> name.startsWith(ShopCookies.ORDER_PREFIX));
        assertStatus(browser.perform(get("/id-id/orders/" + number)), 200);
        assertStatus(mvc.perform(get("/id-id/account").cookie(new Cookie(ShopCookies.SHOPPER, "forged"))).andReturn(),
                302);
    }

    /**
     * Over real HTTP, as the edge forwards it: the redirect after adding to the cart is relative, so the browser
     * stays on the public host (an absolute one named this node, http://127.0.0.1:8081, which the page's CSP
     * form-action then blocked), and a browser's own Sec-Fetch-Site vouches for the form whichever host name the
     * shopper typed (127.0.0.1 here is not the configured public URL).
     */
    @Test
    void addingToTheCartRedirectsRelativeToThePublicHostTheBrowserIsOn() throws Exception {
        var port = environment.getRequiredProperty("local.server.port");
        try (var http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build()) {
            var added = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/id-id/cart/add")).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Sec-Fetch-Site", "same-origin").header("Origin", "http://127.0.0.1:" + port)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("sku=" + SKU + "&quantity=1")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(added.statusCode()).isEqualTo(302);
            assertThat(added.headers().firstValue("Location")).hasValue("/id-id/cart");
            var foreign = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/id-id/cart/add")).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("sku=" + SKU + "&quantity=1")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(foreign.statusCode()).isEqualTo(403);
        }
    }

    @Autowired
    org.springframework.core.env.Environment environment;

    private StorefrontLocales locales;

    @Autowired
    void locales(StorefrontLocales locales) {
        this.locales = locales;
    }

    private StorefrontLocales locales() {
        return locales;
    }
}
