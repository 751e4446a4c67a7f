package dev.onshore.was.catalog.search;

import dev.onshore.was.catalog.internal.*;
import dev.onshore.was.catalog.ProductSearch;
import dev.onshore.was.catalog.ProductView;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import dev.onshore.i18n.market.Markets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.data.Range;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search over the Lucene index (Hibernate Search). Shopper text is matched as plain words (no query syntax:
 * every operator character is just text), all words required, name matches weighted above other text.
 */
@Service
@Transactional(readOnly = true)
class CatalogSearch implements ProductSearch {

    /** Price-range facet boundaries per market currency (shelf prices, tax included where the market does). */
    private static final Map<String, List<BigDecimal>> PRICE_STEPS = Map.of(
            "KRW", steps("20000", "50000"), "IDR", steps("200000", "500000"), "USD", steps("20", "40"),
            "MYR", steps("60", "150"), "SGD", steps("25", "50"), "CNY", steps("100", "300"),
            "JPY", steps("2000", "5000"), "THB", steps("500", "1500"), "VND", steps("300000", "800000"));

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Two Thai characters in a row: the least a phrase of character pairs can be made of. */
    private static final Pattern THAI_PAIR = Pattern.compile("\\p{IsThai}{2}");
    /**
     * A Thai word found only as a stretch of characters weighs less than one the word breaker also found: a phrase
     * of several pairs scores about as high as that many words, which would rank loose matches first.
     */
    private static final float STRETCH_WEIGHT = 0.2f;

    private final EntityManager entityManager;
    private final ShelfPrices prices;
    private final Markets markets;
    private final Clock clock;

    CatalogSearch(EntityManager entityManager, ShelfPrices prices, Markets markets, Clock clock) {
        this.entityManager = entityManager;
        this.prices = prices;
        this.markets = markets;
        this.clock = clock;
    }

    @Override
    public Page search(Request request) {
        var language = ProductDocumentBinder.LANGUAGES.contains(request.language()) ? request.language() : "en";
        var market = request.market();
        var priceField = ProductDocumentBinder.PRICE_PREFIX + market;
        var brandKey = AggregationKey.<Map<String, Long>>of("brands");
        var categoryKey = AggregationKey.<Map<String, Long>>of("categories");
        var priceKey = AggregationKey.<Map<Range<BigDecimal>, Long>>of("prices");
        var steps = PRICE_STEPS.getOrDefault(currencyOf(market), steps("20", "50"));
        var result = Search.session(entityManager).search(Product.class)
                .where((f, root) -> {
                    root.add(f.match().field("market").matching(market));
                    if (!request.text().isBlank()) {
                        // Every language the shop has translations in, each through its own analyzer: a Korean
                        // shopper on the Indonesian store finds "비타민". All words must match within one language;
                        // the page's language ranks first.
                        var anyLanguage = f.or();
                        for (var other : ProductDocumentBinder.LANGUAGES) {
                            var weight = other.equals(language) ? 2f : 1f;
                            anyLanguage.add(other.equals("th") ? thai(f, request.text(), weight)
                                    : words(f, other, request.text(), weight));
                        }
                        root.add(anyLanguage);
                    }
                    if (request.category() != null) {
                        root.add(f.match().field("category").matching(request.category()));
                    }
                    if (request.brand() != null) {
                        root.add(f.match().field("brand").matching(request.brand()));
                    }
                    if (request.minPrice() != null || request.maxPrice() != null) {
                        root.add(f.range().field(priceField).between(request.minPrice(), request.maxPrice()));
                    }
                })
                .sort(f -> switch (request.sort()) {
                    case PRICE_ASC -> f.field(priceField).asc().then().field("sku");
                    case PRICE_DESC -> f.field(priceField).desc().then().field("sku");
                    case NEWEST -> f.field("updated").desc();
                    case RELEVANCE -> f.score();
                })
                .aggregation(brandKey, f -> f.terms().field("brand", String.class).maxTermCount(30))
                .aggregation(categoryKey, f -> f.terms().field("category", String.class).maxTermCount(100))
                .aggregation(priceKey, f -> f.range().field(priceField, BigDecimal.class)
                        .range(Range.canonical(BigDecimal.ZERO, steps.get(0)))
                        .range(Range.canonical(steps.get(0), steps.get(1)))
                        .range(Range.atLeast(steps.get(1))))
                .fetch((request.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        var now = clock.instant();
        // The index knows sellability and prices as of indexing; an attribute may have expired or a rate gone stale
        // since: check again, and show the price of now.
        List<ProductView> hits = result.hits().stream()
                .flatMap(product -> prices.forShopper(product, market, now).stream()
                        .map(price -> CatalogService.shopperView(product, price, request.language())))
                .toList();
        var total = result.total().hitCount();
        var priceRanges = new ArrayList<FacetValue>();
        result.aggregation(priceKey).forEach((range, count) -> {
            if (count > 0) {
                priceRanges.add(new FacetValue(range.lowerBoundValue().map(BigDecimal::toPlainString).orElse("0") + "-"
                        + range.upperBoundValue().map(BigDecimal::toPlainString).orElse(""), count));
            }
        });
        return new Page(hits, total, request.page(), (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE),
                facet(result.aggregation(brandKey)), facet(result.aggregation(categoryKey)), priceRanges);
    }

    /** All words of {@code text}, through the language's analyzer; a word in the name weighs three times more. */
    private static SearchPredicate words(SearchPredicateFactory f, String language, String text, float weight) {
        return f.simpleQueryString().field("name_" + language).boost(3f).field("text_" + language).matching(text)
                .defaultOperator(BooleanOperator.AND).flags(EnumSet.noneOf(SimpleQueryFlag.class)).boost(weight)
                .toPredicate();
    }

    /**
     * Every word of {@code text} in the Thai texts, as a dictionary word or, where it holds Thai script, as a stretch
     * of Thai characters anywhere (a phrase of its character pairs: "ลูทีน" inside "ลูทีนบำรุงสายตา", where the word
     * breaker saw no word). The pairs must follow each other as in the word, so a string that is not in the text
     * finds nothing even if each of its pairs is somewhere. A dictionary match also matches as a stretch, so it ranks
     * above a product where the word is only found glued to another.
     */
    private static SearchPredicate thai(SearchPredicateFactory f, String text, float weight) {
        var everyWord = f.and();
        for (var word : WHITESPACE.split(text.strip())) {
            var either = f.or().add(words(f, "th", word, 1f));
            if (THAI_PAIR.matcher(word).find()) {
                either.add(f.phrase().field(ProductDocumentBinder.THAI_NAME_GRAMS).boost(3f)
                        .field(ProductDocumentBinder.THAI_TEXT_GRAMS).matching(word).boost(STRETCH_WEIGHT));
            }
            everyWord.add(either);
        }
        return everyWord.boost(weight).toPredicate();
    }

    private static List<FacetValue> facet(Map<String, Long> counts) {
        return counts.entrySet().stream().map(entry -> new FacetValue(entry.getKey(), entry.getValue())).toList();
    }

    private static List<BigDecimal> steps(String low, String high) {
        return List.of(new BigDecimal(low), new BigDecimal(high));
    }

    private String currencyOf(String market) {
        return markets.find(market).map(m -> m.currency().getCurrencyCode())
                .orElse("USD");
    }
}
