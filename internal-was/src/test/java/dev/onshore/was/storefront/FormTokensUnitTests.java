package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a form token says before any lookup: its form, its signature, its age (no database: none is asked). */
class FormTokensUnitTests {

    private final ShopCookies cookies = new ShopCookies(new ShopCookies.Properties(
            "a-secret-of-at-least-thirty-two-characters", Duration.ofDays(30), Duration.ofHours(8)),
            new PublicUrls(new PublicUrls.Properties(URI.create("https://shop.example"), Map.of())));

    private final FormTokens tokens = new FormTokens(null, cookies,
            Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC), null);

    @Test
    void aTokenOfAnotherFormIsRefusedWithoutBeingClaimed() {
        var address = tokens.issue(FormTokens.Form.ADD_ADDRESS);

        assertThat(tokens.claim(address, FormTokens.Form.ERASE_ACCOUNT)).isInstanceOf(FormTokens.OtherForm.class);
        assertThat(tokens.claim(address, FormTokens.Form.PLACE_ORDER)).isInstanceOf(FormTokens.OtherForm.class);
    }

    @Test
    void aTokenRelabelledForAnotherFormOrWithAnythingAppendedIsNotGenuine() {
        var address = tokens.issue(FormTokens.Form.ADD_ADDRESS);

        assertThat(tokens.claim(address.replace("ADD_ADDRESS", "ERASE_ACCOUNT"), FormTokens.Form.ERASE_ACCOUNT))
                .isInstanceOf(FormTokens.Expired.class);
        // The same token with a trailing dot would otherwise be a second, unclaimed token for one form.
        assertThat(tokens.claim(address + ".", FormTokens.Form.ADD_ADDRESS)).isInstanceOf(FormTokens.Expired.class);
        assertThat(tokens.claim(address + "..", FormTokens.Form.ADD_ADDRESS)).isInstanceOf(FormTokens.Expired.class);
    }
}
