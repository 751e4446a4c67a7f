package dev.onshore.was.cms.internal;

import dev.onshore.i18n.market.Markets;
import dev.onshore.was.cms.ItemContent;
import dev.onshore.was.cms.ItemContent.Rule;
import dev.onshore.was.cms.PageTemplate;
import dev.onshore.was.cms.SiteContent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's home pages (profile {@code demo}), one per market: a hero banner for every language, a hot deal, a
 * greeting and an HTML note in the market's language, a year-end notice scheduled two weeks ahead (to preview),
 * best-sellers and a vitamins list, the texts read from {@code demo/home-pages.tsv}. Idempotent: a market whose home
 * page exists is left as operators made it.
 */
@Component
@Profile("demo")
class DemoSites implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSites.class);

    /** The storefront's markets and the language their pages are written in. */
    private static final Map<String, String> MARKETS = Map.of("KR", "ko", "US", "en", "ID", "id", "MY", "ms", "SG",
            "en", "CN", "zh", "JP", "ja", "TH", "th");

    private static final Map<String, String> HOT_DEAL_SKU = Map.of("ID", "HS-COLLAGEN-30", "KR",
            "HS-REDGINSENG-TONIC", "MY", "HS-COLLAGEN-30");

    /** Per language the pages are written in, from {@code demo/home-pages.tsv}. */
    private record Texts(String heroAlt, String hotDeal, String greeting, String note, String bestSellers,
            String vitamins, String yearEnd) {
    }

    private final SiteContent content;
    private final Pages pages;
    private final Markets markets;
    private final Clock clock;

    DemoSites(SiteContent content, Pages pages, Markets markets, Clock clock) {
        this.content = content;
        this.pages = pages;
        this.markets = markets;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var texts = readTexts();
        var heroAlt = texts.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> entry.getValue().heroAlt()));
        int created = 0;
        for (var entry : MARKETS.entrySet()) {
            if (pages.findByMarketAndPageKey(entry.getKey(), SiteContent.HOME).isEmpty()) {
                home(entry.getKey(), entry.getValue(), texts.get(entry.getValue()), heroAlt);
                created++;
            }
        }
        log.info("Demo CMS: {} home pages created, {} markets in all", created, MARKETS.size());
    }

    private void home(String market, String language, Texts text, Map<String, String> heroAlt) {
        var zone = markets.find(market).orElseThrow().zone();
        var inTwoWeeks = LocalDate.now(clock.withZone(zone)).plusDays(14).atStartOfDay();
        var path = "/" + language + "-" + market.toLowerCase(java.util.Locale.ROOT);
        put(market, "hero", "*", 10, new ItemContent.Banner("/img/cms/hero.svg", path + "/c/health.vitamins",
                heroAlt));
        put(market, "highlights", language, 30, new ItemContent.HotDeal(text.hotDeal(),
                HOT_DEAL_SKU.getOrDefault(market, "HS-VITD-2000")));
        put(market, "highlights", language, 20, new ItemContent.Text(text.greeting()));
        put(market, "highlights", language, 10, new ItemContent.Html(text.note()));
        content.schedule(market, SiteContent.HOME, PageTemplate.HOME, "highlights", language, 40, inTwoWeeks,
                inTwoWeeks.plusDays(3), new ItemContent.Text(text.yearEnd()));
        put(market, "products", language, 20, new ItemContent.ProductList(text.bestSellers(), Rule.BEST_SELLERS,
                List.of(), null, 8));
        put(market, "products", language, 10, new ItemContent.ProductList(text.vitamins(), Rule.CATEGORY, List.of(),
                "health.vitamins", 8));
    }

    private void put(String market, String corner, String language, int priority, ItemContent item) {
        content.schedule(market, SiteContent.HOME, PageTemplate.HOME, corner, language, priority, null, null, item);
    }

    /** The texts by language: a line of the file is the language and the fields of {@link Texts}, split by bars. */
    private static Map<String, Texts> readTexts() {
        var file = Objects.requireNonNull(DemoSites.class.getResourceAsStream("/demo/home-pages.tsv"),
                "demo/home-pages.tsv is missing from the classpath");
        try (var reader = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\\|", -1)).collect(Collectors.toUnmodifiableMap(cells -> cells[0],
                            cells -> new Texts(cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
