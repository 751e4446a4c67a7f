package dev.onshore.was.catalog;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What operators do with the category tree: read it whole, add a category, rename or move one, delete an unused
 * one. Codes are paths of slugs ({@code health.vitamins.vitamin-c}) and never change once given: products, URLs and
 * search documents hold them. Every change is audited in its transaction and announced as {@link CategoryChanged}.
 */
public interface CategoryAdministration {

    /**
     * A category as operators manage it.
     *
     * @param names per language; English is always there (the storefront falls back to it)
     * @param position its place among its siblings, from 1
     * @param version what a rename or move must name
     * @param products how many products are in this category itself (not in its sub-categories)
     * @param children its sub-categories by position, never null
     */
    record CategoryNode(String code, @Nullable String parentCode, int depth, int position, long version,
            Map<String, String> names, long products, List<CategoryNode> children) {

        public CategoryNode {
            names = Map.copyOf(names);
            children = List.copyOf(children);
        }
    }

    /**
     * A new category.
     *
     * @param parent the parent's code, null or blank for a top-level category
     * @param slug the last part of its code: lower-case letters and digits, words joined by hyphens
     * @param names per language, English required; blank names are left out
     */
    record NewCategory(@Nullable String parent, @Nullable String slug, @Nullable Map<String, String> names) {
    }

    /**
     * A change of a category; what is null stays as it is, but not both.
     *
     * @param names replace all its names (English required, blank names left out)
     * @param position its new place among its siblings, from 1 (clamped to the last); the siblings close up
     */
    record CategoryChange(@Nullable Map<String, String> names, @Nullable Integer position) {
    }

    /** The whole tree, top-level categories first, each level by position. */
    List<CategoryNode> tree();

    /**
     * @throws InvalidCategoryException with one violation per field (slug, names, parent); nothing saved
     * @throws CategoryTooDeepException when the parent is on the fourth level
     * @throws DuplicateCategoryException when the code is taken
     */
    CategoryNode add(NewCategory category);

    /**
     * @throws UnknownCategoryException when no category has the code
     * @throws StaleCategoryException when {@code version} is no longer the category's
     * @throws InvalidCategoryException with one violation per field; nothing saved
     */
    CategoryNode change(String code, long version, CategoryChange change);

    /**
     * Deletes a category nothing uses, as of {@code version}.
     *
     * @throws UnknownCategoryException when no category has the code
     * @throws StaleCategoryException when {@code version} is no longer the category's (renamed or moved since)
     * @throws CategoryInUseException when a product or a sub-category is in it, counting those committed while the
     *     deletion waited for them
     */
    void delete(String code, long version);
}
