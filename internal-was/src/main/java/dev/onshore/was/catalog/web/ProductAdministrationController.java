package dev.onshore.was.catalog.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.catalog.ProductAdministration;
import dev.onshore.was.catalog.ProductAdministration.Basics;
import dev.onshore.was.catalog.ProductAdministration.NewProduct;
import dev.onshore.was.catalog.ProductAdministration.OfferInput;
import dev.onshore.was.catalog.ProductAdministration.ProductPage;
import dev.onshore.was.catalog.ProductAdministration.ProductQuery;
import dev.onshore.was.catalog.ProductAdministration.ProductSheet;
import dev.onshore.was.catalog.ProductAdministration.Texts;
import dev.onshore.was.catalog.ProductStatus;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.UnknownProductException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' product edits (admin API). Every change names the {@code version} it was made on: a product changed
 * since answers 409 ({@code stale-product}) and nothing is saved; invalid input answers 400 with one error per field.
 */
@RestController
@AdminAccess(OperatorRole.CATALOG_MANAGER)
@RequestMapping("/api/admin/products")
class ProductAdministrationController {

    private final ProductAdministration administration;

    ProductAdministrationController(ProductAdministration administration) {
        this.administration = administration;
    }

    /** One page of the catalogue, filtered; the list without {@code page} is {@link CatalogAdminController}'s. */
    @GetMapping(params = "page")
    ProductPage search(@RequestParam int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String brand,
            @RequestParam(required = false) @Nullable String market,
            @RequestParam(defaultValue = "en") String language) {
        ProductStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ProductStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "unknown");
            }
        }
        if (size < 1 || size > 100) {
            throw new InvalidInputException("size", "range");
        }
        if (page < 0) {
            throw new InvalidInputException("page", "range");
        }
        return administration.search(new ProductQuery(q, wanted, category, brand,
                market == null || market.isBlank() ? null : market.strip().toUpperCase(Locale.ROOT), language, page,
                size));
    }

    @GetMapping("/{sku}")
    ProductSheet sheet(@PathVariable String sku, @RequestParam(defaultValue = "en") String language) {
        return administration.sheet(sku(sku), language);
    }

    /** 201 with the new draft, or 400 with one error per field. */
    @PostMapping
    ResponseEntity<ProductSheet> create(@RequestBody NewProduct product,
            @RequestHeader(name = CatalogAdminController.OPERATOR_HEADER, required = false) @Nullable String operator) {
        var created = administration.create(product, CatalogAdminController.operator(operator));
        return ResponseEntity.created(URI.create("/api/admin/products/" + created.sku())).body(created);
    }

    @PutMapping("/{sku}/basics")
    ProductSheet basics(@PathVariable String sku, @RequestParam long version, @RequestBody Basics basics,
            @RequestHeader(name = CatalogAdminController.OPERATOR_HEADER, required = false) @Nullable String operator) {
        return administration.changeBasics(sku(sku), version, basics, CatalogAdminController.operator(operator));
    }

    @PutMapping("/{sku}/translations/{language}")
    ProductSheet translate(@PathVariable String sku, @PathVariable String language, @RequestParam long version,
            @RequestBody Texts texts,
            @RequestHeader(name = CatalogAdminController.OPERATOR_HEADER, required = false) @Nullable String operator) {
        return administration.translate(sku(sku), version, language, texts, CatalogAdminController.operator(operator));
    }

    @PutMapping("/{sku}/offers/{market}")
    ProductSheet offer(@PathVariable String sku, @PathVariable String market, @RequestParam long version,
            @RequestBody OfferInput offer,
            @RequestHeader(name = CatalogAdminController.OPERATOR_HEADER, required = false) @Nullable String operator) {
        return administration.offer(sku(sku), version, market.toUpperCase(Locale.ROOT), offer,
                CatalogAdminController.operator(operator));
    }

    @DeleteMapping("/{sku}/offers/{market}")
    ProductSheet withdrawOffer(@PathVariable String sku, @PathVariable String market, @RequestParam long version,
            @RequestHeader(name = CatalogAdminController.OPERATOR_HEADER, required = false) @Nullable String operator) {
        return administration.withdrawOffer(sku(sku), version, market.toUpperCase(Locale.ROOT),
                CatalogAdminController.operator(operator));
    }

    /** The versioned form of {@code PUT /{sku}/regulatory/{market}}: answers the product as it is now. */
    @PutMapping(path = "/{sku}/regulatory/{market}", params = "version")
    ProductSheet regulatory(@PathVariable String sku, @PathVariable String market, @RequestParam long version,
            @RequestBody Map<String, String> attributes,
            @RequestHeader(name = CatalogAdminController.OPERATOR_HEADER, required = false) @Nullable String operator) {
        return administration.recordRegulatory(sku(sku), version, market.toUpperCase(Locale.ROOT), attributes,
                CatalogAdminController.operator(operator));
    }

    private static Sku sku(String raw) {
        var sku = Sku.parseOrNull(raw);
        if (sku == null) {
            throw new UnknownProductException(raw);
        }
        return sku;
    }
}
