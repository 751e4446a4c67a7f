package dev.onshore.was.catalog.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.OperatorHeader;
import dev.onshore.was.catalog.LifecycleEntry;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.OperatorProductView;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.UnknownProductException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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

/** The catalog's admin API: for the admin app (service token) only, never routed by the gateway. */
@RestController
@AdminAccess(OperatorRole.CATALOG_MANAGER)
@RequestMapping("/api/admin/products")
class CatalogAdminController {

    private final ProductCatalog catalog;

    CatalogAdminController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /** The operator on whose behalf the admin app calls (see {@link OperatorHeader}). */
    static final String OPERATOR_HEADER = OperatorHeader.NAME;

    @GetMapping
    List<OperatorProductView> list(@RequestParam(defaultValue = "en") String language) {
        return catalog.listForOperators(language);
    }

    /** Who moved the product where, when and why, oldest first. */
    @GetMapping("/{sku}/lifecycle")
    List<LifecycleEntry> lifecycle(@PathVariable String sku) {
        return catalog.lifecycle(sku(sku));
    }

    /** Asks another operator to approve a draft. 409 unless the product is a draft. */
    @PutMapping("/{sku}/submission")
    OperatorProductView submit(@PathVariable String sku,
            @RequestHeader(name = OPERATOR_HEADER, required = false) @Nullable String operator) {
        return catalog.submit(sku(sku), operator(operator));
    }

    /** Approves a submitted product; 403 when the caller's operator submitted it, 409 unless it is pending. */
    @PutMapping("/{sku}/approval")
    OperatorProductView approve(@PathVariable String sku,
            @RequestHeader(name = OPERATOR_HEADER, required = false) @Nullable String operator) {
        return catalog.approve(sku(sku), operator(operator));
    }

    /** The reason an operator sends a submitted product back to draft. */
    record Rejection(@Nullable String reason) {
    }

    /** Sends a submitted product back to draft with {@code {"reason": ...}}; 409 unless it is pending. */
    @PostMapping("/{sku}/rejection")
    OperatorProductView reject(@PathVariable String sku,
            @RequestHeader(name = OPERATOR_HEADER, required = false) @Nullable String operator,
            @RequestBody Rejection rejection) {
        var by = operator(operator);
        var reason = rejection.reason() == null ? "" : rejection.reason().strip();
        if (reason.isEmpty()) {
            throw new InvalidInputException("reason", "required");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "tooLong");
        }
        return catalog.reject(sku(sku), by, reason);
    }

    /** Publishing is a state: PUT makes it so. 409 unless the product is approved or suspended. */
    @PutMapping("/{sku}/publication")
    OperatorProductView publish(@PathVariable String sku,
            @RequestHeader(name = OPERATOR_HEADER, required = false) @Nullable String operator) {
        return catalog.publish(sku(sku), operator(operator));
    }

    /** Takes a published product off sale; 409 unless it is published. */
    @DeleteMapping("/{sku}/publication")
    OperatorProductView suspend(@PathVariable String sku,
            @RequestHeader(name = OPERATOR_HEADER, required = false) @Nullable String operator) {
        return catalog.suspend(sku(sku), operator(operator));
    }

    static Operator operator(@Nullable String header) {
        return new Operator(OperatorHeader.require(header));
    }

    /**
     * Replaces a product's regulatory attributes in one market. Answers 204, or 400 with one error per field
     * ({@code errors: [{field, code, message}]}) and nothing saved.
     */
    @PutMapping("/{sku}/regulatory/{market}")
    org.springframework.http.ResponseEntity<Void> recordRegulatory(@PathVariable String sku,
            @PathVariable String market, @RequestBody Map<String, String> attributes) {
        if (!MARKET.matcher(market).matches()) {
            throw new UnknownProductException(sku);
        }
        catalog.recordRegulatory(sku(sku), market, attributes);
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    /** Per language, how much of the product's texts (0-100) is filled in. */
    @GetMapping("/{sku}/completeness")
    Map<String, Integer> completeness(@PathVariable String sku) {
        return catalog.completeness(sku(sku));
    }

    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");

    private static Sku sku(String raw) {
        var sku = Sku.parseOrNull(raw);
        if (sku == null) {
            throw new UnknownProductException(raw);
        }
        return sku;
    }
}
