package dev.onshore.was.shopapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ShopContextsUnitTests {

    private final ShopContexts contexts = new ShopContexts(ShopContexts.storefrontMarkets(dev.onshore.i18n.market.Markets.defaults()));

    private static MockHttpServletRequest request(String... headers) {
        var request = new MockHttpServletRequest("GET", "/api/shop/v1/products");
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void servesTheStorefrontsEightMarketsOnly() {
        assertThat(contexts.markets().countries()).containsExactlyInAnyOrder("KR", "US", "ID", "MY", "SG", "CN", "JP",
                "TH");
    }

    @Test
    void followsTheGatewayWhenNothingIsExplicit() {
        var context = contexts.resolve(request("X-Onshore-Country", "MY", "X-Onshore-Locale", "zh-Hans-MY",
                "X-Onshore-TimeZone", "Asia/Seoul", "X-Onshore-Currency", "USD"));
        assertThat(context.market()).isEqualTo("MY");
        assertThat(context.locale()).isEqualTo(Locale.forLanguageTag("zh-Hans-MY"));
        assertThat(context.language()).isEqualTo("zh");
        // The gateway's display currency is not what is charged: the market's is.
        assertThat(context.currency().getCurrencyCode()).isEqualTo("MYR");
        assertThat(context.zone().getId()).isEqualTo("Asia/Seoul");
    }

    @Test
    void gatewayLocaleTheMarketDoesNotServeFallsBackToTheMarketsDefault() {
        var context = contexts.resolve(request("X-Onshore-Country", "CN", "X-Onshore-Locale", "ko-KR"));
        assertThat(context.locale()).isEqualTo(Locale.forLanguageTag("zh-Hans-CN"));
    }

    @Test
    void gatewayCountryTheShopDoesNotServeIsIgnoredForAcceptLanguage() {
        var context = contexts.resolve(request("X-Onshore-Country", "VN", "X-Onshore-Locale", "vi-VN",
                "Accept-Language", "id-ID,id;q=0.9"));
        assertThat(context.market()).isEqualTo("ID");
    }

    @Test
    void japaneseAndThaiShoppersAreServedInTheirOwnMarkets() {
        var japan = contexts.resolve(request("X-Onshore-Country", "JP", "X-Onshore-Locale", "ja-JP"));
        assertThat(japan.market()).isEqualTo("JP");
        assertThat(japan.currency().getCurrencyCode()).isEqualTo("JPY");
        var thai = contexts.resolve(request("Accept-Language", "th-TH,th;q=0.9"));
        assertThat(thai.market()).isEqualTo("TH");
        assertThat(thai.locale()).isEqualTo(Locale.forLanguageTag("th-TH"));
        assertThat(thai.currency().getCurrencyCode()).isEqualTo("THB");
    }

    @Test
    void withoutAnySignalAnswersForTheSiteDefault() {
        var context = contexts.resolve(request());
        assertThat(context.market()).isEqualTo("KR");
        assertThat(context.locale()).isEqualTo(Locale.forLanguageTag("ko-KR"));
        assertThat(context.zone().getId()).isEqualTo("Asia/Seoul");
    }

    @Test
    void parameterBeatsHeaderBeatsGateway() {
        var request = request("X-Onshore-Country", "KR", "X-Shop-Market", "ID");
        assertThat(contexts.resolve(request).market()).isEqualTo("ID");
        request.setParameter("market", "sg");
        assertThat(contexts.resolve(request).market()).isEqualTo("SG");
        assertThat(contexts.resolve(request).currency().getCurrencyCode()).isEqualTo("SGD");
    }

    @Test
    void explicitLocaleMatchesTheMarketsLocaleByTagOrLanguage() {
        var request = request();
        request.setParameter("market", "CN");
        request.setParameter("locale", "zh-CN");
        assertThat(contexts.resolve(request).locale()).isEqualTo(Locale.forLanguageTag("zh-Hans-CN"));
        request.setParameter("market", "MY");
        request.setParameter("locale", "en");
        assertThat(contexts.resolve(request).locale()).isEqualTo(Locale.forLanguageTag("en-MY"));
        request.setParameter("locale", "EN_us");
        assertThat(contexts.resolve(request).locale()).isEqualTo(Locale.forLanguageTag("en-MY"));
    }

    @Test
    void refusesWhatTheMarketDoesNotServe() {
        var request = request();
        request.setParameter("market", "MY");
        request.setParameter("locale", "ko-KR");
        assertThatThrownBy(() -> contexts.resolve(request)).isInstanceOfSatisfying(InvalidShopContextException.class,
                e -> {
                    assertThat(e.parameter()).isEqualTo("locale");
                    assertThat(e.code()).isEqualTo("unsupported");
                    assertThat(e.allowed()).containsExactly("ms-MY", "en-MY", "zh-Hans-MY");
                });
        request.setParameter("locale", "x".repeat(40));
        assertThatThrownBy(() -> contexts.resolve(request)).isInstanceOfSatisfying(InvalidShopContextException.class,
                e -> assertThat(e.code()).isEqualTo("unknown"));
        request.removeParameter("locale");
        request.setParameter("market", "");
        assertThatThrownBy(() -> contexts.resolve(request)).isInstanceOfSatisfying(InvalidShopContextException.class,
                e -> assertThat(e.parameter()).isEqualTo("market"));
    }

    @Test
    void acceptsOnlyTheMarketsCurrency() {
        var request = request("X-Shop-Market", "ID", "X-Shop-Currency", "idr");
        assertThat(contexts.resolve(request).currency().getCurrencyCode()).isEqualTo("IDR");
        request.setParameter("currency", "USD");
        assertThatThrownBy(() -> contexts.resolve(request)).isInstanceOfSatisfying(InvalidShopContextException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("unsupported");
                    assertThat(e.allowed()).containsExactly("IDR");
                });
    }

    @Test
    void languageOfARefusedRequestIsTheOneItAskedFor() {
        var request = request("X-Onshore-Country", "ID", "X-Onshore-Locale", "id-ID");
        request.setParameter("market", "XX");
        assertThat(contexts.language(request)).isEqualTo(Locale.forLanguageTag("id-ID"));
        request.setParameter("locale", "ko");
        assertThat(contexts.language(request)).isEqualTo(Locale.KOREAN);
        request.setParameter("locale", "!!");
        assertThat(contexts.language(request)).isEqualTo(Locale.forLanguageTag("id-ID"));
    }

    @Test
    void malformedGatewayAndBrowserHeadersNeverFail() {
        var context = contexts.resolve(request("X-Onshore-Country", "??", "X-Onshore-Locale", "%%%",
                "X-Onshore-TimeZone", "Mars/Olympus", "Accept-Language", ";;;q=x"));
        assertThat(context.market()).isEqualTo("KR");
        assertThat(context.zone().getId()).isEqualTo("Asia/Seoul");
    }
}
