package dev.onshore.was.catalog.web;

import dev.onshore.was.catalog.IllegalProductTransitionException;
import dev.onshore.was.catalog.InvalidRegulatoryDataException;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductView;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.UnknownProductException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog's admin API: for the admin app (service token) only, never routed by the gateway. */
@RestController
@RequestMapping("/api/admin/products")
class CatalogAdminController {

    private final ProductCatalog catalog;
    private final MessageSource messages;

    CatalogAdminController(ProductCatalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping
    List<ProductView> list(@RequestParam(defaultValue = "en") String language) {
        return catalog.listForOperators(language);
    }

    /** Publishing is a state: PUT makes it so. Answers 409 when the product is already published. */
    @PutMapping("/{sku}/publication")
    ProductView publish(@PathVariable String sku) {
        return catalog.publish(sku(sku));
    }

    @DeleteMapping("/{sku}/publication")
    ProductView suspend(@PathVariable String sku) {
        return catalog.suspend(sku(sku));
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

    @ExceptionHandler(UnknownProductException.class)
    ProblemDetail unknownProduct(UnknownProductException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem.unknown-product.detail", new Object[] {e.sku()}, locale));
        problem.setType(URI.create("https://onshore.dev/problems/unknown-product"));
        problem.setTitle(messages.getMessage("problem.unknown-product.title", null, locale));
        return problem;
    }

    @ExceptionHandler(InvalidRegulatoryDataException.class)
    ProblemDetail invalidRegulatory(InvalidRegulatoryDataException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.invalid-regulatory.detail", new Object[] {e.market()}, locale));
        problem.setType(URI.create("https://onshore.dev/problems/invalid-regulatory-data"));
        problem.setTitle(messages.getMessage("problem.invalid-regulatory.title", null, locale));
        problem.setProperty("errors", e.violations().stream().map(violation -> Map.of("field", violation.field(),
                "code", violation.code(), "message", messages.getMessage("regulatory.error." + violation.code(),
                        new Object[] {violation.field()}, locale))).toList());
        return problem;
    }

    @ExceptionHandler(IllegalProductTransitionException.class)
    ProblemDetail illegalTransition(IllegalProductTransitionException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("problem.illegal-transition.detail", new Object[] {e.from(), e.to()}, locale));
        problem.setType(URI.create("https://onshore.dev/problems/illegal-product-transition"));
        problem.setTitle(messages.getMessage("problem.illegal-transition.title", null, locale));
        return problem;
    }
}
