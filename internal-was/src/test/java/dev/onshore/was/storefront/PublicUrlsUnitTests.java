package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.i18n.market.Markets;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicUrlsUnitTests {

    private final PublicUrls urls = new PublicUrls(new PublicUrls.Properties(URI.create("https://shop.example/"),
            Map.of("ID", URI.create("https://id.shop.example"))));

    @Test
    void pagesAreOnTheirMarketsPublicAddress() {
        assertThat(urls.page(new StorefrontLocale("ko", Markets.defaults().find("KR").orElseThrow()), "p/HS-VITC-1000")).isEqualTo("https://shop.example/ko-kr/p/HS-VITC-1000");
        assertThat(urls.page(new StorefrontLocale("id", Markets.defaults().find("ID").orElseThrow()), "")).isEqualTo("https://id.shop.example/id-id/");
    }

    @Test
    void refusesABaseThatIsNotAnOrigin() {
        for (var bad : new String[] {"/relative", "ftp://shop.example", "https://shop.example/?x=1", "https:///x"}) {
            assertThatThrownBy(() -> new PublicUrls.Properties(URI.create(bad), Map.of())).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
