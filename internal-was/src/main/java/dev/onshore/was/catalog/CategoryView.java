package dev.onshore.was.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A category in one language.
 *
 * @param code its path of slugs ({@code health.vitamins.vitamin-c}); stable, used in URLs
 * @param depth 1 (top) to 4
 * @param children the sub-categories, empty for a leaf or when not loaded
 */
public record CategoryView(String code, @Nullable String parentCode, int depth, String name,
        List<CategoryView> children) {

    public CategoryView {
        children = List.copyOf(children);
    }
}
