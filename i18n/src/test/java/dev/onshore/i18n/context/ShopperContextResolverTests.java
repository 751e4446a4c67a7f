package dev.onshore.i18n.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.i18n.geoip.CountryLookup;
import dev.onshore.i18n.market.Markets;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopperContextResolverTests {

    static final String SEOUL_IP = "211.234.1.1";
    static final String JAKARTA_IP = "36.86.63.182";
    static final String KUALA_LUMPUR_IP = "175.139.1.1";
    static final String NEW_YORK_IP = "216.160.83.56";
    static final String PARIS_IP = "90.1.1.1";
    static final String CHROME = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    /** A stand-in for GeoIP; the real databases are exercised in ShopperContextResolutionWithMmdbTests. */
    static final CountryLookup GEO = new CountryLookup() {
        private final Map<String, String> countries = Map.of(SEOUL_IP, "KR", JAKARTA_IP, "ID",
                KUALA_LUMPUR_IP, "MY", NEW_YORK_IP, "US", PARIS_IP, "FR");

        @Override
        public Optional<String> country(InetAddress address) {
            return Optional.ofNullable(countries.get(address.getHostAddress()));
        }
    };

    final ShopperContextResolver resolver = new ShopperContextResolver(Markets.defaults(), GEO);

    ShopperContext resolve(@Nullable String cookie, @Nullable String path, @Nullable String acceptLanguage,
                           @Nullable String ip, @Nullable String userAgent) {
        return resolver.resolve(new ShopperRequest(cookie, path, acceptLanguage, ip, userAgent));
    }

    @Test
    void fallsBackToTheSiteDefaultWhenNothingIsKnown() {
        ShopperContext context = resolve(null, null, null, null, null);

        assertThat(context.country()).isEqualTo("KR");
        assertThat(context.locale()).isEqualTo(Locale.forLanguageTag("ko-KR"));
        assertThat(context.currency().getCurrencyCode()).isEqualTo("KRW");
        assertThat(context.zoneId().getId()).isEqualTo("Asia/Seoul");
        assertThat(context.resolvedBy()).isEqualTo(Resolution.SITE_DEFAULT);
    }

    @Test
    void letsTheExplicitChoiceWinOverEveryOtherSignal() {
        ShopperContext context = resolve("1|ID|id-ID|IDR|Asia/Jakarta", "/ko-kr/products", "ko-KR", SEOUL_IP, CHROME);

        assertThat(context).isEqualTo(new ShopperContext("ID", Locale.forLanguageTag("id-ID"),
                java.util.Currency.getInstance("IDR"), java.time.ZoneId.of("Asia/Jakarta"),
                Resolution.EXPLICIT_CHOICE));
    }

    @Test
    void keepsAChosenDisplayCurrencyAndZoneButOnlyAChosenLocaleTheMarketOffers() {
        ShopperContext context = resolve("1|ID|ja-JP|USD|Asia/Seoul", null, null, null, null);

        assertThat(context.country()).isEqualTo("ID");
        assertThat(context.locale()).isEqualTo(Locale.forLanguageTag("id-ID"));
        assertThat(context.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(context.zoneId().getId()).isEqualTo("Asia/Seoul");
    }

    @Test
    void ignoresAChosenCurrencyNoMarketSellsIn() {
        assertThat(resolve("1|MY||EUR|", null, null, null, null).currency().getCurrencyCode()).isEqualTo("MYR");
    }

    @Test
    void ignoresAChoiceOfACountryTheShopDoesNotSellTo() {
        ShopperContext context = resolve("1|FR|fr-FR|EUR|Europe/Paris", null, null, JAKARTA_IP, CHROME);

        assertThat(context.country()).isEqualTo("ID");
        assertThat(context.resolvedBy()).isEqualTo(Resolution.GEOIP);
    }

    @ParameterizedTest(name = "{0} means {1} in {2}")
    @CsvSource({
        "/id-id/products/1, ID, id-ID",
        "/ID-ID,            ID, id-ID",
        "/zh-hans-cn/,      CN, zh-Hans-CN",
        "/zh-cn/brands,     CN, zh-Hans-CN",
        "/en-us/cart,       US, en-US",
        "/en-my/,           MY, en-MY",
        "/ms-sg/,           SG, ms-SG",
    })
    void letsTheUrlPrefixWinOverHeadersAndGeoIp(String path, String country, String locale) {
        ShopperContext context = resolve(null, path, "ko-KR", SEOUL_IP, CHROME);

        assertThat(context.country()).isEqualTo(country);
        assertThat(context.locale()).isEqualTo(Locale.forLanguageTag(locale));
        assertThat(context.resolvedBy()).isEqualTo(Resolution.URL_PREFIX);
    }

    @Test
    void suggestsWhatTheShopperWouldGetWithoutTheUrlsLocale() {
        var korean = resolver.suggest(new ShopperRequest(null, "/id-id/p/HS-VITC-1000", "ko-KR", SEOUL_IP, CHROME));
        assertThat(korean.country()).isEqualTo("KR");
        assertThat(korean.resolvedBy()).isEqualTo(Resolution.ACCEPT_LANGUAGE);

        var chosen = resolver.suggest(new ShopperRequest("1|ID|en-US|IDR|", "/ko-kr/", "ko-KR", SEOUL_IP, CHROME));
        assertThat(chosen.country()).isEqualTo("ID");
        assertThat(chosen.locale()).isEqualTo(Locale.forLanguageTag("en-US"));
        assertThat(chosen.resolvedBy()).isEqualTo(Resolution.EXPLICIT_CHOICE);

        assertThat(resolver.suggest(new ShopperRequest(null, "/id-id/", "fr-FR", null, CHROME)).resolvedBy())
                .isEqualTo(Resolution.SITE_DEFAULT);
    }

    @ParameterizedTest(name = "\"{0}\" is no locale prefix")
    @CsvSource({"/products/1", "/", "/fr-fr/", "/id-id-id/", "//id-id/", "id-id/x", "/i/"})
    void ignoresPathsWithoutASupportedLocalePrefix(String path) {
        assertThat(resolve(null, path, null, JAKARTA_IP, CHROME).resolvedBy()).isEqualTo(Resolution.GEOIP);
    }

    @ParameterizedTest(name = "Accept-Language \"{0}\" from {1} gives {2} in {3}")
    @CsvSource(delimiter = '|', value = {
        // The header's language wins over GeoIP, crossing markets when the GeoIP market lacks it.
        "id-ID,id;q=0.9,en;q=0.8   | " + SEOUL_IP + "        | ID | id-ID",
        // A language the GeoIP market offers keeps the shopper in that market.
        "en-US,en;q=0.9            | " + JAKARTA_IP + "      | ID | en-US",
        // Beyond strict lookup: en-US finds the GeoIP market's en-MY rather than sending a Malaysian to the US.
        "en-US,en;q=0.9            | " + KUALA_LUMPUR_IP + " | MY | en-MY",
        "ko-KR                     | " + NEW_YORK_IP + "     | US | ko-KR",
        "ko-KR,ko;q=0.9            | " + JAKARTA_IP + "      | KR | ko-KR",
        "ms                        | " + PARIS_IP + "        | MY | ms-MY",
        "zh-CN,zh;q=0.9            | " + PARIS_IP + "        | CN | zh-Hans-CN",
        "zh-TW                     | " + PARIS_IP + "        | CN | zh-Hans-CN",
        "en                        | " + PARIS_IP + "        | US | en-US",
        "th-TH                     |                          | TH | th-TH",
        "vi                        |                          | VN | vi-VN",
        "ja-JP-u-ca-japanese       |                          | JP | ja-JP",
        // q=0 excludes, and the lower-quality range wins.
        "en-US;q=0, ko-KR;q=0.5    | " + JAKARTA_IP + "      | KR | ko-KR",
        "fr;q=1, id;q=0.2          | " + SEOUL_IP + "        | ID | id-ID",
    })
    void matchesAcceptLanguageBeforeGeoIp(String header, @Nullable String ip, String country, String locale) {
        ShopperContext context = resolve(null, null, header, ip, CHROME);

        assertThat(context.country()).isEqualTo(country);
        assertThat(context.locale()).isEqualTo(Locale.forLanguageTag(locale));
        assertThat(context.resolvedBy()).isEqualTo(Resolution.ACCEPT_LANGUAGE);
    }

    @ParameterizedTest(name = "Accept-Language \"{0}\" leaves it to GeoIP")
    @CsvSource(delimiter = '|', value = {"fr-FR", "*", "*;q=0.5, de;q=0.2", "en;q=0, id;q=0", ";q=1", "garbage;;;"})
    void usesTheGeoIpMarketDefaultsWhenNoLanguageMatches(String header) {
        ShopperContext context = resolve(null, null, header, JAKARTA_IP, CHROME);

        assertThat(context).isEqualTo(new ShopperContext("ID", Locale.forLanguageTag("id-ID"),
                java.util.Currency.getInstance("IDR"), java.time.ZoneId.of("Asia/Jakarta"), Resolution.GEOIP));
    }

    @Test
    void usesTheSiteDefaultForCountriesThatAreNoMarket() {
        assertThat(resolve(null, null, "fr-FR", PARIS_IP, CHROME).resolvedBy()).isEqualTo(Resolution.SITE_DEFAULT);
    }

    @Test
    void neverSteersCrawlersByIp() {
        ShopperContext context = resolve(null, null, null, JAKARTA_IP, GOOGLEBOT);

        assertThat(context.country()).isEqualTo("KR");
        assertThat(context.resolvedBy()).isEqualTo(Resolution.SITE_DEFAULT);
        assertThat(resolve(null, "/id-id/", null, SEOUL_IP, GOOGLEBOT).country()).isEqualTo("ID");
    }

    @Test
    void recognisesCommonCrawlersButNotBrowsers() {
        assertThat(Crawlers.isCrawler(GOOGLEBOT)).isTrue();
        assertThat(Crawlers.isCrawler("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"))
                .isTrue();
        assertThat(Crawlers.isCrawler("Mozilla/5.0 (compatible; Yeti/1.1; +http://naver.me/spd)")).isTrue();
        assertThat(Crawlers.isCrawler("Mozilla/5.0 (compatible; Baiduspider/2.0)")).isTrue();
        assertThat(Crawlers.isCrawler("facebookexternalhit/1.1")).isTrue();
        assertThat(Crawlers.isCrawler(CHROME)).isFalse();
        assertThat(Crawlers.isCrawler(null)).isFalse();
        assertThat(Crawlers.isCrawler("")).isFalse();
    }

    @Test
    void givesTheUrlPrefixOfALocale() {
        assertThat(ShopperContextResolver.urlPrefix(Locale.forLanguageTag("zh-Hans-CN"))).isEqualTo("zh-hans-cn");
        assertThat(resolver.forUrlPrefix("zh-hans-cn")).hasValueSatisfying(c -> assertThat(c.country()).isEqualTo("CN"));
        assertThat(resolver.forUrlPrefix("xx-yy")).isEmpty();
    }
}
