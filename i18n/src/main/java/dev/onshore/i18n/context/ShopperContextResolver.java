package dev.onshore.i18n.context;

import dev.onshore.i18n.geoip.CountryLookup;
import dev.onshore.i18n.market.Market;
import dev.onshore.i18n.market.Markets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Decides a request's {@link ShopperContext}. Precedence: the explicit choice &gt; the URL locale prefix &gt;
 * Accept-Language &gt; the GeoIP country's defaults &gt; the site default.
 * <p>
 * Accept-Language is matched with RFC 4647 lookup (q-values respected, {@code q=0} excludes, {@code *} adds
 * nothing), first against the GeoIP country's market, so that a Malaysian with an en-US browser stays in the MY
 * market in English, then against every market, preferring the one whose country is the tag's region. A tag
 * without script also finds a supported tag with one ({@code zh-CN} finds {@code zh-Hans-CN}).
 * <p>
 * Crawlers are never located by IP. Nothing a client sends can make this throw: malformed parts are ignored.
 * Immutable and thread-safe.
 */
public final class ShopperContextResolver {

    private static final int MAX_PREFIX = 16;

    private final Markets markets;
    private final CountryLookup countries;
    /** Lower-case tag (and its script-less alias) → market locales answering to it, preferred first. */
    private final Map<String, List<Choice>> byTag;
    /** Lower-case language → market locales with that language, preferred first. */
    private final Map<String, List<Choice>> byLanguage;

    public ShopperContextResolver(Markets markets, CountryLookup countries) {
        this.markets = Objects.requireNonNull(markets, "markets");
        this.countries = Objects.requireNonNull(countries, "countries");
        Map<String, List<Choice>> tags = new HashMap<>();
        Map<String, List<Choice>> languages = new HashMap<>();
        List<Market> ordered = new ArrayList<>();
        ordered.add(markets.siteDefault());
        markets.all().stream().filter(m -> m != markets.siteDefault()).forEach(ordered::add);
        for (Market market : ordered) {
            for (Locale locale : market.supportedLocales()) {
                Choice choice = new Choice(market, locale);
                String tag = locale.toLanguageTag().toLowerCase(Locale.ROOT);
                add(tags, tag, choice);
                if (!locale.getScript().isEmpty()) {
                    add(tags, new Locale.Builder().setLocale(locale).setScript("").build()
                            .toLanguageTag().toLowerCase(Locale.ROOT), choice);
                }
                add(languages, locale.getLanguage(), choice);
            }
        }
        tags.replaceAll((tag, choices) -> List.copyOf(regionFirst(choices)));
        this.byTag = Map.copyOf(tags);
        languages.replaceAll((language, choices) -> List.copyOf(defaultsFirst(choices)));
        this.byLanguage = Map.copyOf(languages);
    }

    /** Never null, never throws for any request content. */
    public ShopperContext resolve(ShopperRequest request) {
        Objects.requireNonNull(request, "request");
        Optional<ShopperContext> chosen = fromChoice(request.choiceCookie());
        if (chosen.isPresent()) {
            return chosen.get();
        }
        Choice fromUrl = fromPath(request.path());
        if (fromUrl != null) {
            return context(fromUrl.market(), fromUrl.locale(), Resolution.URL_PREFIX);
        }
        Market geoMarket = Crawlers.isCrawler(request.userAgent()) ? null : geoMarket(request.clientIp());
        Choice fromHeader = fromAcceptLanguage(AcceptLanguage.parse(request.acceptLanguage()), geoMarket);
        if (fromHeader != null) {
            return context(fromHeader.market(), fromHeader.locale(), Resolution.ACCEPT_LANGUAGE);
        }
        if (geoMarket != null) {
            return context(geoMarket, geoMarket.defaultLocale(), Resolution.GEOIP);
        }
        Market site = markets.siteDefault();
        return context(site, site.defaultLocale(), Resolution.SITE_DEFAULT);
    }

    /**
     * What the shopper would get where no URL names a locale (the bare root, locale-less links): the saved choice,
     * then Accept-Language, then GeoIP, then the site default. A localized page is always the one asked for; when
     * this differs from it, the page suggests it instead of redirecting. Never null, never throws.
     */
    public ShopperContext suggest(ShopperRequest request) {
        Objects.requireNonNull(request, "request");
        return resolve(new ShopperRequest(request.choiceCookie(), null, request.acceptLanguage(), request.clientIp(),
                request.userAgent()));
    }

    /** The market and locale a URL prefix such as {@code id-id} stands for; empty when it names none. */
    public Optional<ShopperContext> forUrlPrefix(String prefix) {
        List<Choice> choices = byTag.get(prefix.toLowerCase(Locale.ROOT));
        return choices == null ? Optional.empty()
                : Optional.of(context(choices.getFirst().market(), choices.getFirst().locale(), Resolution.URL_PREFIX));
    }

    /** The URL prefix of a locale ({@code id-ID} → {@code id-id}), the inverse of what the resolver reads. */
    public static String urlPrefix(Locale locale) {
        return locale.toLanguageTag().toLowerCase(Locale.ROOT);
    }

    private Optional<ShopperContext> fromChoice(@Nullable String cookie) {
        return ShopperChoiceCodec.parse(cookie).flatMap(choice -> markets.find(choice.country()).map(market -> {
            Locale locale = choice.locale() != null && market.supports(choice.locale())
                    ? choice.locale() : market.defaultLocale();
            return new ShopperContext(market.country(), locale,
                    choice.currency() != null && markets.currencies().contains(choice.currency())
                            ? choice.currency() : market.currency(),
                    choice.zone() != null ? choice.zone() : market.zone(),
                    Resolution.EXPLICIT_CHOICE);
        }));
    }

    private @Nullable Market geoMarket(@Nullable String clientIp) {
        return countries.country(clientIp).flatMap(markets::find).orElse(null);
    }

    private @Nullable Choice fromPath(@Nullable String path) {
        if (path == null || path.length() < 2 || path.charAt(0) != '/') {
            return null;
        }
        int end = path.indexOf('/', 1);
        if (end < 0) {
            end = path.length();
        }
        if (end - 1 > MAX_PREFIX || end - 1 < 2) {
            return null;
        }
        List<Choice> choices = byTag.get(path.substring(1, end).toLowerCase(Locale.ROOT));
        if (choices == null) {
            return null;
        }
        // The URL alone decides (not GeoIP), so that every URL means the same to shoppers and crawlers.
        return choices.getFirst();
    }

    /**
     * Range by range in priority order: RFC 4647 lookup in the GeoIP market, the range's language in the GeoIP
     * market, lookup in every market, the range's language in every market. A lower-priority range never beats a
     * higher one, but a range the GeoIP market can serve keeps the shopper there.
     */
    private @Nullable Choice fromAcceptLanguage(AcceptLanguage header, @Nullable Market geoMarket) {
        List<AcceptLanguage.Range> ranges = header.ranges();
        for (AcceptLanguage.Range range : ranges) {
            if (range.quality() == 0 || range.isWildcard()) {
                continue;
            }
            Choice choice = geoMarket == null ? null : lookup(range, ranges, geoMarket);
            if (choice == null && geoMarket != null) {
                choice = languageMatch(range, ranges, geoMarket);
            }
            if (choice == null) {
                choice = lookup(range, ranges, null);
            }
            if (choice == null) {
                choice = languageMatch(range, ranges, null);
            }
            if (choice != null) {
                return choice;
            }
        }
        return null;
    }

    /** RFC 4647 §3.4 lookup of one range: truncated subtag by subtag until a supported tag. */
    private @Nullable Choice lookup(AcceptLanguage.Range range, List<AcceptLanguage.Range> ranges,
                                    @Nullable Market within) {
        String tag = range.tag();
        while (!tag.isEmpty()) {
            Choice choice = first(byTag.get(tag), ranges, within);
            if (choice != null) {
                return choice;
            }
            tag = truncate(tag);
        }
        return null;
    }

    /** Beyond RFC 4647: a supported locale with the range's language (en-US finds en-MY). */
    private @Nullable Choice languageMatch(AcceptLanguage.Range range, List<AcceptLanguage.Range> ranges,
                                           @Nullable Market within) {
        int dash = range.tag().indexOf('-');
        return first(byLanguage.get(dash < 0 ? range.tag() : range.tag().substring(0, dash)), ranges, within);
    }

    private static @Nullable Choice first(@Nullable List<Choice> choices, List<AcceptLanguage.Range> ranges,
                                          @Nullable Market within) {
        if (choices != null) {
            for (Choice choice : choices) {
                if ((within == null || choice.market() == within) && !excluded(choice, ranges)) {
                    return choice;
                }
            }
        }
        return null;
    }

    /** A {@code q=0} range excludes every tag it is a prefix of (RFC 4647 basic filtering). */
    private static boolean excluded(Choice choice, List<AcceptLanguage.Range> ranges) {
        for (int i = ranges.size() - 1; i >= 0 && ranges.get(i).quality() == 0; i--) {
            String range = ranges.get(i).tag();
            String tag = choice.tag();
            if (range.equals("*") || tag.equals(range) || (tag.startsWith(range) && tag.charAt(range.length()) == '-')) {
                return true;
            }
        }
        return false;
    }

    /** Drops the last subtag, and a single-letter extension singleton left dangling before it. */
    private static String truncate(String tag) {
        int dash = tag.lastIndexOf('-');
        if (dash < 0) {
            return "";
        }
        String shorter = tag.substring(0, dash);
        int previous = shorter.lastIndexOf('-');
        if (previous >= 0 && shorter.length() - previous == 2) {
            shorter = shorter.substring(0, previous);
        }
        return shorter;
    }

    private ShopperContext context(Market market, Locale locale, Resolution resolution) {
        return new ShopperContext(market.country(), locale, market.currency(), market.zone(), resolution);
    }

    private static void add(Map<String, List<Choice>> index, String key, Choice choice) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(choice);
    }

    /** Puts the market whose country is the locale's region first (en-US → US before KR); otherwise keeps order. */
    private static List<Choice> regionFirst(List<Choice> choices) {
        List<Choice> sorted = new ArrayList<>(choices);
        sorted.sort((a, b) -> Boolean.compare(b.isHome(), a.isHome()));
        return sorted;
    }

    /** Puts markets whose default locale it is first (zh finds CN before MY's zh-Hans-MY); otherwise keeps order. */
    private static List<Choice> defaultsFirst(List<Choice> choices) {
        List<Choice> sorted = new ArrayList<>(choices);
        sorted.sort((a, b) -> Boolean.compare(b.isDefault(), a.isDefault()));
        return sorted;
    }

    private record Choice(Market market, Locale locale, String tag) {
        Choice(Market market, Locale locale) {
            this(market, locale, locale.toLanguageTag().toLowerCase(Locale.ROOT));
        }

        boolean isDefault() {
            return market.defaultLocale().equals(locale);
        }

        boolean isHome() {
            return market.country().equals(locale.getCountry());
        }
    }
}
