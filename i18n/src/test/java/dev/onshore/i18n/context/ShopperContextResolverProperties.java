package dev.onshore.i18n.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.i18n.market.Markets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Fuzz-ish: whatever a client sends, resolution gives a context of a configured market and never throws. */
class ShopperContextResolverProperties {

    final Markets markets = Markets.defaults();
    final ShopperContextResolver resolver = new ShopperContextResolver(markets, ShopperContextResolverTests.GEO);

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> headerish = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,;=.* \t|/:%\u0000\r\n")
                .ofMaxLength(300);
        Arbitrary<String> emoji = Arbitraries.of("😀", "🇮🇩", "ko-KR😀", "\uD800", "\u202Eid-ID", "ｋｏ-ＫＲ");
        Arbitrary<String> huge = Arbitraries.of("ko-KR,".repeat(2000), "a".repeat(10_240), ";q=0".repeat(3000));
        Arbitrary<String> known = Arbitraries.of("id-ID", "1|ID|id-ID|IDR|Asia/Jakarta", "/id-id/x", "36.86.63.182",
                "2001:220::1", "Googlebot", "en;q=0", "*");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, anything), net.jqwik.api.Tuple.of(4, headerish),
                net.jqwik.api.Tuple.of(1, emoji), net.jqwik.api.Tuple.of(1, huge), net.jqwik.api.Tuple.of(3, known));
    }

    @Property(tries = 2000)
    void resolvesAnyRequestToAConfiguredMarketWithoutThrowing(@ForAll("hostile") String cookie,
            @ForAll("hostile") String path, @ForAll("hostile") String acceptLanguage, @ForAll("hostile") String ip,
            @ForAll("hostile") String userAgent) {
        ShopperContext context = resolver.resolve(new ShopperRequest(cookie, path, acceptLanguage, ip, userAgent));

        assertThat(markets.find(context.country())).isPresent();
        assertThat(markets.find(context.country()).orElseThrow().supports(context.locale())).isTrue();
        assertThat(markets.currencies()).contains(context.currency());
    }

    @Property(tries = 2000)
    void parsesAnyAcceptLanguageHeaderWithoutThrowing(@ForAll("hostile") String header) {
        assertThat(AcceptLanguage.parse(header).ranges()).hasSizeLessThanOrEqualTo(AcceptLanguage.MAX_RANGES);
    }

    @Property(tries = 2000)
    void parsesAnyCookieWithoutThrowing(@ForAll("hostile") String value) {
        ShopperChoiceCodec.parse(value).ifPresent(choice ->
                assertThat(ShopperChoiceCodec.parse(ShopperChoiceCodec.format(choice))).contains(choice));
    }
}
