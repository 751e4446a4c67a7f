package dev.onshore.was.catalog.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.catalog.ProductVariants;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.UnknownProductException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A product's option and variants for operators (admin API), replaced as a whole:
 * {@code {"optionCode": "count", "optionLabels": {"en": "Count"}, "variants": [{"suffix": "60", "labels": {...},
 * "priceDelta": 28000, "ownPrices": {"ID": 579000}, "availability": "IN_STOCK"}]}}.
 */
@RestController
@AdminAccess(OperatorRole.CATALOG_MANAGER)
@RequestMapping("/api/admin/products/{sku}/variants")
class ProductVariantsAdminController {

    private final ProductVariants variants;

    ProductVariantsAdminController(ProductVariants variants) {
        this.variants = variants;
    }

    @GetMapping
    ProductVariants.Definition get(@PathVariable String sku) {
        return variants.variants(sku(sku));
    }

    /** 200 with what is stored now, or 400 with one error per field ({@code variants[1].suffix}) and no change. */
    @PutMapping
    ProductVariants.Definition define(@PathVariable String sku, @RequestBody ProductVariants.Definition definition,
            @RequestHeader(name = CatalogAdminController.OPERATOR_HEADER, required = false) @Nullable String operator) {
        var by = CatalogAdminController.operator(operator);
        return variants.defineVariants(sku(sku), new ProductVariants.Definition(definition.optionCode(),
                definition.optionLabels() == null ? Map.of() : definition.optionLabels(),
                definition.variants() == null ? List.of() : definition.variants()), by);
    }

    @DeleteMapping
    ProductVariants.Definition remove(@PathVariable String sku,
            @RequestHeader(name = CatalogAdminController.OPERATOR_HEADER, required = false) @Nullable String operator) {
        var by = CatalogAdminController.operator(operator);
        return variants.defineVariants(sku(sku), new ProductVariants.Definition(null, Map.of(), List.of()), by);
    }

    private static Sku sku(String raw) {
        var sku = Sku.parseOrNull(raw);
        if (sku == null) {
            throw new UnknownProductException(raw);
        }
        return sku;
    }
}
