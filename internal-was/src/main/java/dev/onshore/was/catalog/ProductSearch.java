package dev.onshore.was.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Full-text search over the products a shopper's market may buy, in the shopper's language. */
public interface ProductSearch {

    int MAX_QUERY_LENGTH = 200;
    int PAGE_SIZE = 24;

    /** Never null; products not sellable in {@code request.market()} never appear. */
    Page search(Request request);

    enum Sort {
        RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST
    }

    /**
     * @param text free text as typed (already cleaned of control and bidi characters); blank means "everything"
     * @param category a category code: products in it or below it
     * @param page 1-based
     */
    record Request(String market, String language, String text, @Nullable String category, @Nullable String brand,
            @Nullable BigDecimal minPrice, @Nullable BigDecimal maxPrice, Sort sort, int page) {

        public Request {
            if (text.length() > MAX_QUERY_LENGTH) {
                throw new IllegalArgumentException("A search is at most " + MAX_QUERY_LENGTH + " characters");
            }
            if (page < 1) {
                throw new IllegalArgumentException("Pages start at 1");
            }
        }

        public static Request of(String market, String language, String text) {
            return new Request(market, language, text, null, null, null, null, Sort.RELEVANCE, 1);
        }
    }

    record FacetValue(String value, long count) {
    }

    /** @param priceRanges keys like {@code 0-100000} in the market currency */
    record Page(List<ProductView> hits, long total, int page, int pages, List<FacetValue> brands,
            List<FacetValue> categories, List<FacetValue> priceRanges) {
    }
}
