package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.onshore.i18n.address.Address;
import dev.onshore.i18n.address.AddressField;
import dev.onshore.i18n.context.ShopperChoiceCodec;
import dev.onshore.was.AccountTestSupport;
import dev.onshore.was.accounts.ShopperAccounts;
import dev.onshore.was.cart.CartKey;
import dev.onshore.was.cart.Carts;
import dev.onshore.was.orders.OrderManagement;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account page as a logged-in shopper's browser uses it (sealed login cookie, CSRF tokens from the page):
 * profile, address book with the market's rules, erasure; checkout offering saved addresses; the market choice
 * saved to the account and brought back on another device (issue 14).
 */
class AccountPagesIntegrationTests extends AccountTestSupport {

    private static final Pattern CSRF = StorefrontBrowser.CSRF;

    @Autowired
    ShopCookies cookies;

    @Autowired
    JsonMapper json;

    @Autowired
    ShopperAccounts accounts;

    @Autowired
    Carts carts;

    @Autowired
    StorefrontLocales locales;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderManagement orders;

    /** A browser in Indonesian, signed in as {@code subject} (the shopper cookie the login would set). */
    private StorefrontBrowser browser(String subject) throws Exception {
        var browser = new StorefrontBrowser(mvc, "id-ID");
        var shopper = new Shopper(subject, "Ani", subject + "@example.com", "",
                Instant.now().plusSeconds(600).getEpochSecond());
        browser.jar.put(ShopCookies.SHOPPER, new Cookie(ShopCookies.SHOPPER,
                cookies.seal(ShopCookies.SHOPPER, json.writeValueAsBytes(shopper))));
        return browser;
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    private static final Map<String, String> BANDUNG = Map.of("recipient", "Ani Wijaya", "addressLine1",
            "Jl. Merdeka No. 1", "city", "Bandung", "region", "Jawa Barat", "postalCode", "40115", "phone",
            "+62 812 0000 0000");

    @Test
    void theAccountPageSavesTheProfileAndAddressesAndRefusesBadInputInThePagesLanguage() throws Exception {
        assertThat(mvc.perform(get("/id-id/account")).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/id-id/login?next=/id-id/account");
        var subject = "page-" + UUID.randomUUID();
        var browser = browser(subject);

        var saved = browser.submit("/id-id/account", "/id-id/account/profile", Map.of("displayName", "Ani W.",
                "phone", "+62 811 111 111", "timeZone", "Asia/Makassar"));
        assertStatus(saved, 302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/id-id/account?done=profile");
        var page = html(browser.perform(get("/id-id/account?done=profile")));
        assertThat(page).contains("Profil Anda telah disimpan.").contains("value=\"Ani W.\"")
                .contains("value=\"Asia/Makassar\"");
        assertThat(accounts.profile(subject).phone()).isEqualTo("+62 811 111 111");

        var badPhone = browser.submit("/id-id/account", "/id-id/account/profile", Map.of("phone", "no phone"));
        assertStatus(badPhone, 400);
        assertThat(html(badPhone)).contains("Nomor telepon kosong atau tidak valid.");
        assertThat(accounts.profile(subject).phone()).isEqualTo("+62 811 111 111");

        // Without the CSRF token nothing is saved.
        assertStatus(browser.perform(post("/id-id/account/profile").param("displayName", "Mallory")), 403);
        assertThat(accounts.profile(subject).displayName()).isEqualTo("Ani W.");

        var missing = new LinkedHashMap<>(BANDUNG);
        missing.remove("postalCode");
        var refused = browser.submit("/id-id/account", "/id-id/account/addresses", missing);
        assertStatus(refused, 400);
        assertThat(html(refused)).contains("Alamat kosong atau tidak valid.").contains("value=\"Jl. Merdeka No. 1\"");
        assertThat(accounts.addresses(subject)).isEmpty();

        assertStatus(browser.submit("/id-id/account", "/id-id/account/addresses", BANDUNG), 302);
        var second = new LinkedHashMap<>(BANDUNG);
        second.put("recipient", "Budi Santoso");
        second.put("preferred", "on");
        assertStatus(browser.submit("/id-id/account", "/id-id/account/addresses", second), 302);
        var book = accounts.addresses(subject);
        assertThat(book).extracting(a -> a.address().get(AddressField.RECIPIENT) + ":" + a.preferred())
                .containsExactly("Budi Santoso:true", "Ani Wijaya:false");
        page = html(browser.perform(get("/id-id/account")));
        assertThat(page).contains("Budi Santoso, Jl. Merdeka No. 1, Bandung").contains("Buku alamat");

        var ani = book.get(1).id();
        assertStatus(browser.submit("/id-id/account", "/id-id/account/addresses/" + ani + "/preferred", Map.of()),
                302);
        assertThat(accounts.address(subject, ani).preferred()).isTrue();

        // Someone else's address is not found, and stays.
        // (with two addresses of their own, so that their page has the forms whose tokens they send)
        var otherSubject = "page-" + UUID.randomUUID();
        for (var recipient : List.of("Budi", "Budi (kantor)")) {
            accounts.addAddress(otherSubject, new Address("ID", Map.of(AddressField.RECIPIENT, recipient,
                    AddressField.ADDRESS_LINE1, "Jl. Sudirman 5", AddressField.CITY, "Jakarta", AddressField.REGION,
                    "DKI Jakarta", AddressField.POSTAL_CODE, "10220", AddressField.PHONE, "+62 812 0000 0001")),
                    false);
        }
        var other = browser(otherSubject);
        var foreign = other.submit("/id-id/account", "/id-id/account/addresses/" + ani + "/remove", Map.of());
        assertStatus(foreign, 404);
        assertThat(html(foreign)).contains("Alamat ini tidak ada di buku alamat Anda.");
        assertStatus(other.submit("/id-id/account", "/id-id/account/addresses/not-an-id/preferred", Map.of()), 404);
        assertThat(accounts.addresses(subject)).hasSize(2);

        assertStatus(browser.submit("/id-id/account", "/id-id/account/addresses/" + ani + "/remove", Map.of()), 302);
        assertThat(accounts.addresses(subject)).extracting(a -> a.address().get(AddressField.RECIPIENT) + ":"
                + a.preferred()).containsExactly("Budi Santoso:true");
    }

    @Test
    void aDoubleSubmittedAddressIsSavedOnceAndTheReplayIsToldInThePagesLanguage() throws Exception {
        var subject = "double-" + UUID.randomUUID();
        var browser = browser(subject);
        var form = browser.form("/id-id/account", "/id-id/account/addresses", BANDUNG);

        assertStatus(browser.perform(form), 302);
        var replay = browser.perform(form);

        assertStatus(replay, 409);
        assertThat(html(replay)).contains("Formulir ini sudah dikirim").contains("Jl. Merdeka No. 1");
        assertThat(accounts.addresses(subject)).hasSize(1);
        // A forged token changes nothing either; the next form from the page works.
        var page = html(browser.perform(get("/id-id/account")));
        var csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        var forged = browser.perform(post("/id-id/account/profile").param("_csrf", csrf.group(1))
                .param("formToken", "forged.1.x").param("displayName", "Mallory"));
        assertStatus(forged, 409);
        assertThat(html(forged)).contains("Formulir ini sudah terlalu lama atau tidak sah.");
        assertThat(accounts.profile(subject).displayName()).isNull();
        assertStatus(browser.submit("/id-id/account", "/id-id/account/profile", Map.of("displayName", "Ani")), 302);
        assertThat(accounts.profile(subject).displayName()).isEqualTo("Ani");
    }

    @Test
    void aFormsTokenIsRefusedByEveryOtherFormAndStaysGoodForItsOwn() throws Exception {
        var subject = "bound-" + UUID.randomUUID();
        var browser = browser(subject);
        var page = html(browser.perform(get("/id-id/account")));
        var csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        var addressToken = StorefrontBrowser.formToken(page, "/id-id/account/addresses");
        assertThat(addressToken).isNotNull().isNotEqualTo(StorefrontBrowser.formToken(page, "/id-id/account/erase"));

        // The address book's token neither erases the account nor saves the profile: refused as a spent form is.
        var erase = browser.perform(post("/id-id/account/erase").param("_csrf", csrf.group(1))
                .param("formToken", addressToken).param("confirm", "yes"));
        assertStatus(erase, 409);
        assertThat(html(erase)).contains("Formulir ini sudah dikirim");
        assertThat(browser.jar).containsKey(ShopCookies.SHOPPER);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_erasure WHERE subject = ?").param(subject)
                .query(Integer.class).single()).isZero();
        var profile = browser.perform(post("/id-id/account/profile").param("_csrf", csrf.group(1))
                .param("formToken", addressToken).param("displayName", "Mallory"));
        assertStatus(profile, 409);
        assertThat(accounts.profile(subject).displayName()).isNull();

        // Nor does it place an order: checkout refuses it as it refuses a stale form.
        carts.create("ID", subject, "id");
        carts.add(CartKey.member(subject), "HS-COLLAGEN-TAB", 1, "id");
        var place = browser.perform(post("/id-id/checkout/place").param("_csrf", csrf.group(1))
                .param("formToken", addressToken).param("email", subject + "@example.com")
                .param("shippingMethod", "standard").params(multi(BANDUNG)));
        assertStatus(place, 400);
        assertThat(html(place)).contains("terlalu lama");
        assertThat(orders.findForMember(subject, 10)).isEmpty();

        // Refused elsewhere, it was not spent: the address form it was issued for still takes it.
        var added = browser.perform(post("/id-id/account/addresses").param("_csrf", csrf.group(1))
                .param("formToken", addressToken).params(multi(BANDUNG)));
        assertStatus(added, 302);
        assertThat(accounts.addresses(subject)).hasSize(1);
    }

    private static MultiValueMap<String, String> multi(Map<String, String> fields) {
        var map = new LinkedMultiValueMap<String, String>();
        fields.forEach(map::add);
        return map;
    }

    @Test
    void aRefusedFormCanBeCorrectedAndSentAgainWithItsToken() throws Exception {
        var subject = "retry-" + UUID.randomUUID();
        var browser = browser(subject);
        var missing = new LinkedHashMap<>(BANDUNG);
        missing.remove("postalCode");
        var form = browser.form("/id-id/account", "/id-id/account/addresses", missing);
        assertStatus(browser.perform(form), 400);

        assertStatus(browser.perform(form.param("postalCode", "40115")), 302);

        assertThat(accounts.addresses(subject)).hasSize(1);
    }

    @Test
    void checkoutOffersTheSavedAddressesOfTheMarketThePreferredOneFilledIn() throws Exception {
        var subject = "checkout-" + UUID.randomUUID();
        accounts.addAddress(subject, new Address("US", Map.of(AddressField.RECIPIENT, "Ann Lee",
                AddressField.ADDRESS_LINE1, "1 Infinite Loop", AddressField.CITY, "Cupertino", AddressField.REGION,
                "CA", AddressField.POSTAL_CODE, "95014", AddressField.PHONE, "+1 408 000 0000")), true);
        var home = accounts.addAddress(subject, new Address("ID", Map.of(AddressField.RECIPIENT, "Ani Wijaya",
                AddressField.ADDRESS_LINE1, "Jl. Merdeka No. 1", AddressField.CITY, "Bandung", AddressField.REGION,
                "Jawa Barat", AddressField.POSTAL_CODE, "40115", AddressField.PHONE, "+62 812 0000 0000")), false);
        var office = accounts.addAddress(subject, new Address("ID", Map.of(AddressField.RECIPIENT, "Ani (kantor)",
                AddressField.ADDRESS_LINE1, "Jl. Sudirman 5", AddressField.CITY, "Jakarta", AddressField.REGION,
                "DKI Jakarta", AddressField.POSTAL_CODE, "10220", AddressField.PHONE, "+62 812 0000 0001")), false);
        carts.create("ID", subject, "id");
        carts.add(CartKey.member(subject), "HS-COLLAGEN-TAB", 1, "id");
        var browser = browser(subject);

        var form = html(browser.perform(get("/id-id/checkout")));
        // The preferred address is American: in Indonesia the first Indonesian one is filled in; the US one is not offered.
        assertThat(form).contains("Alamat tersimpan Anda").contains("value=\"Ani Wijaya\"")
                .contains("Ani (kantor), Jl. Sudirman 5, Jakarta, 10220").doesNotContain("Infinite Loop");
        var picked = html(browser.perform(get("/id-id/checkout").param("address", office.id().toString())));
        assertThat(picked).contains("value=\"Jl. Sudirman 5\"").doesNotContain("value=\"Jl. Merdeka No. 1\"");
        assertThat(home.preferred()).isFalse();
        // Another shopper naming this shopper's address id gets an empty form.
        var strangerSubject = "checkout-" + UUID.randomUUID();
        carts.create("ID", strangerSubject, "id");
        carts.add(CartKey.member(strangerSubject), "HS-COLLAGEN-TAB", 1, "id");
        var stranger = html(browser(strangerSubject).perform(get("/id-id/checkout")
                .param("address", office.id().toString())));
        assertThat(stranger).contains("name=\"recipient\"").doesNotContain("Sudirman").doesNotContain("Ani Wijaya")
                .doesNotContain("Alamat tersimpan Anda");
    }

    @Test
    void theMarketChoiceIsSavedToTheAccountAndAppliedWhenTheShopperLogsInOnANewDevice() throws Exception {
        var subject = "choice-" + UUID.randomUUID();
        var browser = browser(subject);
        var chosen = browser.perform(get("/choice").param("locale", "en-id").param("zone", "Asia/Makassar")
                .param("next", "/en-id/").header("Sec-Fetch-Site", "same-origin"));
        assertStatus(chosen, 303);
        var saved = accounts.savedChoice(subject).orElseThrow();
        assertThat(saved.country()).isEqualTo("ID");
        assertThat(saved.locale()).isEqualTo(Locale.forLanguageTag("en-US"));
        assertThat(saved.zone()).hasToString("Asia/Makassar");
        // A guest's choice is the browser's only.
        assertStatus(mvc.perform(get("/choice").param("locale", "ko-kr")).andReturn(), 303);

        // Logging in on a device without a choice: the account's choice is set and the page follows it.
        var request = new MockHttpServletRequest();
        var response = new MockHttpServletResponse();
        var shopper = new Shopper(subject, "Ani", "ani@example.com", "", Long.MAX_VALUE);
        var next = ShopperLogin.choice(request, response, shopper, "/id-id/account", accounts, locales);
        assertThat(next).isEqualTo("/en-id/account");
        var cookie = response.getHeader("Set-Cookie");
        assertThat(cookie).startsWith(ShopperChoiceCodec.COOKIE_NAME + "=");
        var value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        assertThat(ShopperChoiceCodec.parse(value).orElseThrow().zone()).hasToString("Asia/Makassar");

        // A device with its own choice keeps it; an account without one takes the device's.
        var fresh = "choice-" + UUID.randomUUID();
        var device = new MockHttpServletRequest();
        device.setCookies(new Cookie(ShopperChoiceCodec.COOKIE_NAME, value));
        var untouched = new MockHttpServletResponse();
        assertThat(ShopperLogin.choice(device, untouched, new Shopper(fresh, "Budi", "b@example.com", "",
                Long.MAX_VALUE), "/id-id/", accounts, locales)).isEqualTo("/id-id/");
        assertThat(untouched.getHeader("Set-Cookie")).isNull();
        assertThat(accounts.savedChoice(fresh).orElseThrow().locale()).isEqualTo(Locale.forLanguageTag("en-US"));
        // Nothing saved anywhere: nothing changes.
        var none = new MockHttpServletResponse();
        assertThat(ShopperLogin.choice(new MockHttpServletRequest(), none, new Shopper("choice-" + UUID.randomUUID(),
                "C", "c@example.com", "", Long.MAX_VALUE), "/id-id/", accounts, locales)).isEqualTo("/id-id/");
        assertThat(none.getHeader("Set-Cookie")).isNull();
    }

    @Test
    void aLinkFromAnotherSiteSetsTheCookieButNotTheAccountsChoice() throws Exception {
        var subject = "cross-" + UUID.randomUUID();
        var browser = browser(subject);
        assertStatus(browser.perform(get("/choice").param("locale", "id-id").header("Sec-Fetch-Site", "same-origin")),
                303);

        var crossSite = browser.perform(get("/choice").param("locale", "ko-kr").header("Sec-Fetch-Site", "cross-site"));
        var foreignReferer = browser.perform(get("/choice").param("locale", "en-us")
                .header("Referer", "https://evil.example/page"));
        var noHeaders = browser.perform(get("/choice").param("locale", "en-us"));

        for (var result : java.util.List.of(crossSite, foreignReferer, noHeaders)) {
            assertStatus(result, 303);
            assertThat(result.getResponse().getHeader("Set-Cookie")).startsWith(ShopperChoiceCodec.COOKIE_NAME + "=");
        }
        assertThat(accounts.savedChoice(subject).orElseThrow().country()).isEqualTo("ID");
    }

    @Test
    void aChoiceFromTheStorefrontsOwnPageIsSavedWhenTheBrowserSendsNoFetchMetadata() throws Exception {
        var subject = "referer-" + UUID.randomUUID();
        var browser = browser(subject);

        assertStatus(browser.perform(get("/choice").param("locale", "ko-kr")
                .header("Referer", "https://shop.onshore.test/id-id/p/HS-VITC-1000")), 303);
        assertThat(accounts.savedChoice(subject).orElseThrow().country()).isEqualTo("KR");

        assertStatus(browser.perform(get("/choice").param("locale", "en-us")
                .header("Origin", "https://shop.onshore.test")), 303);
        assertThat(accounts.savedChoice(subject).orElseThrow().country()).isEqualTo("US");
    }

    @Test
    void erasureFromThePageNeedsTheBoxTickedThenLogsTheShopperOut() throws Exception {
        var subject = "erase-page-" + UUID.randomUUID();
        var browser = browser(subject);
        var otherDevice = browser(subject);
        assertStatus(browser.submit("/id-id/account", "/id-id/account/addresses", BANDUNG), 302);

        var unconfirmed = browser.submit("/id-id/account", "/id-id/account/erase", Map.of());
        assertStatus(unconfirmed, 400);
        assertThat(html(unconfirmed)).contains("Centang kotak untuk mengonfirmasi");
        assertThat(accounts.addresses(subject)).hasSize(1);

        var erased = browser.submit("/id-id/account", "/id-id/account/erase", Map.of("confirm", "yes"));
        assertStatus(erased, 200);
        assertThat(html(erased)).contains("data-account-erased").contains("Akun Anda telah dihapus.");
        assertThat(browser.jar).doesNotContainKey(ShopCookies.SHOPPER);
        assertThat(accounts.addresses(subject)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_erasure WHERE subject = ?").param(subject)
                .query(Integer.class).single()).isOne();

        // Another device's login cookie outlives the erasure: its forms save nothing and say why.
        var profile = otherDevice.submit("/id-id/account", "/id-id/account/profile", Map.of("displayName", "Ani"));
        assertStatus(profile, 410);
        assertThat(html(profile)).contains("Akun ini telah dihapus");
        assertStatus(otherDevice.submit("/id-id/account", "/id-id/account/addresses", BANDUNG), 410);
        carts.create("ID", subject, "id");
        carts.add(CartKey.member(subject), "HS-COLLAGEN-TAB", 1, "id");
        var checkout = new LinkedHashMap<>(BANDUNG);
        checkout.put("email", subject + "@example.com");
        checkout.put("shippingMethod", "standard");
        var review = otherDevice.submit("/id-id/checkout", "/id-id/checkout", checkout);
        assertStatus(review, 200);
        var csrf = CSRF.matcher(html(review));
        assertThat(csrf.find()).isTrue();
        var place = post("/id-id/checkout/place").param("_csrf", csrf.group(1))
                .param("formToken", StorefrontBrowser.formToken(html(review), "/id-id/checkout/place"));
        checkout.forEach(place::param);
        var placed = otherDevice.perform(place);
        assertStatus(placed, 410);
        assertThat(html(placed)).contains("Akun ini telah dihapus");
        assertThat(otherDevice.perform(get("/choice").param("locale", "en-id").header("Sec-Fetch-Site",
                "same-origin")).getResponse().getStatus()).isEqualTo(303);
        assertThat(accounts.profile(subject).displayName()).isNull();
        assertThat(accounts.savedChoice(subject)).isEmpty();
        assertThat(accounts.addresses(subject)).isEmpty();
        assertThat(orders.findForMember(subject, 10)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shopper_profile WHERE subject = ?").param(subject)
                .query(Integer.class).single()).isZero();
    }
}
