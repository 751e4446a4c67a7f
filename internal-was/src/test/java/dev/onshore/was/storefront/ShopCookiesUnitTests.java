package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ShopCookiesUnitTests {

    private final ShopCookies cookies = cookies("a-secret-of-at-least-thirty-two-characters");

    private static ShopCookies cookies(String secret) {
        return new ShopCookies(new ShopCookies.Properties(secret, Duration.ofDays(30), Duration.ofHours(8)),
                new PublicUrls(new PublicUrls.Properties(URI.create("https://shop.example"), Map.of())));
    }

    @Test
    void aCartCookieOpensItsCartOnlyWithItsSignatureAndInItsMarket() {
        var response = new MockHttpServletResponse();
        cookies.setCartToken(response, "ID", "token-123");
        var header = response.getHeader("Set-Cookie");
        assertThat(header).startsWith("onshore_cart_ID=token-123.").contains("HttpOnly").contains("Secure")
                .contains("SameSite=Lax").contains("Path=/");
        var value = header.substring("onshore_cart_ID=".length(), header.indexOf(';'));

        assertThat(cookies.cartToken(request("onshore_cart_ID", value), "ID")).contains("token-123");
        assertThat(cookies.cartToken(request("onshore_cart_KR", value), "KR")).isEmpty();
        assertThat(cookies.cartToken(request("onshore_cart_ID", value.replace("token-123", "token-124")), "ID"))
                .isEmpty();
        assertThat(cookies("another-secret-of-at-least-thirty-two-chars")
                .cartToken(request("onshore_cart_ID", value), "ID")).isEmpty();
    }

    @Test
    void aSealedValueOpensOnlyUnderItsOwnNameAndUntouched() {
        var sealed = cookies.seal("onshore_shopper", "who".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(cookies.open("onshore_shopper", sealed), StandardCharsets.UTF_8)).isEqualTo("who");
        assertThat(cookies.open("onshore_login", sealed)).isNull();
        var flipped = (sealed.charAt(20) == 'A' ? "B" : "A");
        assertThat(cookies.open("onshore_shopper", sealed.substring(0, 20) + flipped + sealed.substring(21)))
                .isNull();
        assertThat(cookies.open("onshore_shopper", "not base64 !")).isNull();
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> cookies("short"));
    }

    @Test
    void quantitiesAreWholeUnitsOrNothing() {
        assertThat(CartPages.quantity("3")).isEqualTo(3);
        assertThat(CartPages.quantity(" 12 ")).isEqualTo(12);
        assertThat(CartPages.quantity("-2")).isEqualTo(-2); // refused by the cart with its own message
        assertThat(CartPages.quantity("99999999999")).isNull();
        assertThat(CartPages.quantity("1.5")).isNull();
        assertThat(CartPages.quantity("")).isNull();
    }

    private static MockHttpServletRequest request(String name, String value) {
        var request = new MockHttpServletRequest();
        request.setCookies(new Cookie(name, value));
        return request;
    }
}
