package dev.onshore.was.catalog.search;

import dev.onshore.was.catalog.internal.*;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The search document of a product: texts per language (each with its language's analyzer, falling back to
 * English where a translation is missing, as the pages do), the markets where it is sellable at indexing time,
 * its price per market, brand and category with all ancestors (for facets and category pages).
 *
 * <p>The index is maintained explicitly from the catalog's events (automatic indexing is off), so the binder
 * declares no fine-grained dependencies.
 */
@Component
public class ProductDocumentBinder implements TypeBinder {

    private final ObjectProvider<ShelfPrices> prices;
    private final ObjectProvider<Clock> clock;

    /**
     * A Spring bean that {@link ProductSearchMapping} hands to Hibernate Search while the entity manager factory
     * starts, hence a provider: the prices are looked up when documents are written, long after.
     */
    public ProductDocumentBinder(ObjectProvider<ShelfPrices> prices, ObjectProvider<Clock> clock) {
        this.prices = prices;
        this.clock = clock;
    }

    static final List<String> LANGUAGES = List.of("en", "ko", "id", "ms", "zh", "ja", "th");
    static final String PRICE_PREFIX = "price_";
    /** The Thai name and text again, as character pairs ({@link SearchAnalyzers#THAI_GRAMS}). */
    static final String THAI_NAME_GRAMS = "name_th_grams";
    static final String THAI_TEXT_GRAMS = "text_th_grams";
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    @Override
    public void bind(TypeBindingContext context) {
        context.dependencies().useRootOnly();
        var schema = context.indexSchemaElement();
        var types = context.typeFactory();
        var sku = schema.field("sku", types.asString().projectable(Projectable.YES).sortable(Sortable.YES)).toReference();
        var brand = schema.field("brand", types.asString().aggregable(Aggregable.YES)).toReference();
        var category = schema.field("category", types.asString().aggregable(Aggregable.YES)).multiValued()
                .toReference();
        var market = schema.field("market", types.asString()).multiValued().toReference();
        var updated = schema.field("updated", types.asInstant().sortable(Sortable.YES)).toReference();
        Map<String, IndexFieldReference<String>> names = new LinkedHashMap<>();
        Map<String, IndexFieldReference<String>> texts = new LinkedHashMap<>();
        for (var language : LANGUAGES) {
            names.put(language, schema.field("name_" + language, types.asString().analyzer(language)).toReference());
            texts.put(language, schema.field("text_" + language, types.asString().analyzer(language)).toReference());
        }
        var thaiGrams = types.asString().analyzer(SearchAnalyzers.THAI_GRAMS).toIndexFieldType();
        var thai = new ThaiGrams(schema.field(THAI_NAME_GRAMS, thaiGrams).toReference(),
                schema.field(THAI_TEXT_GRAMS, thaiGrams).toReference());
        schema.fieldTemplate("price", types.asBigDecimal().decimalScale(4).sortable(Sortable.YES)
                .aggregable(Aggregable.YES)).matchingPathGlob(PRICE_PREFIX + "*");
        context.bridge(Product.class, new Bridge(prices, clock, sku, brand, category, market, updated, names, texts,
                thai));
    }

    private record ThaiGrams(IndexFieldReference<String> name, IndexFieldReference<String> text) {
    }

    private record Bridge(ObjectProvider<ShelfPrices> prices, ObjectProvider<Clock> clock,
            IndexFieldReference<String> sku, IndexFieldReference<String> brand,
            IndexFieldReference<String> category, IndexFieldReference<String> market,
            IndexFieldReference<Instant> updated, Map<String, IndexFieldReference<String>> names,
            Map<String, IndexFieldReference<String>> texts, ThaiGrams thai) implements TypeBridge<Product> {

        @Override
        public void write(DocumentElement target, Product product, TypeBridgeWriteContext context) {
            var now = clock.getObject().instant();
            target.addValue(sku, product.sku().value());
            target.addValue(brand, product.brand());
            target.addValue(updated, product.updatedAt());
            var code = product.categoryCode();
            if (code != null) {
                for (int cut = code.indexOf('.'); cut >= 0; cut = code.indexOf('.', cut + 1)) {
                    target.addValue(category, code.substring(0, cut));
                }
                target.addValue(category, code);
            }
            var shelf = prices.getObject();
            for (var offered : product.offers().keySet()) {
                // The price shoppers see, converted and rounded where the offer is converted: facets, range
                // filters and sorting use it; without one (stale rate) the product is not in the market at all.
                var price = shelf.forShopper(product, offered, now);
                if (price.isPresent()) {
                    target.addValue(market, offered);
                    target.addValue(PRICE_PREFIX + offered, price.get().price());
                }
            }
            for (var language : LANGUAGES) {
                var text = product.translations().containsKey(language) ? product.translation(language)
                        : product.translation("en");
                var other = Stream.of(text.summary(), text.ingredients(),
                                text.description() == null ? null : TAG.matcher(text.description()).replaceAll(" "),
                                product.brand(), product.sku().value())
                        .filter(value -> value != null && !value.isBlank()).collect(Collectors.joining("\n"));
                target.addValue(names.get(language), text.name());
                target.addValue(texts.get(language), other);
                if (language.equals("th")) {
                    target.addValue(thai.name(), text.name());
                    target.addValue(thai.text(), other);
                }
            }
        }
    }
}
