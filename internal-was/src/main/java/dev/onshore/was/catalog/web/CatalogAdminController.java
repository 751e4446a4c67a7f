package dev.onshore.was.catalog.web;

import dev.onshore.was.catalog.IllegalProductTransitionException;
import dev.onshore.was.catalog.InvalidRegulatoryDataException;
import dev.onshore.was.catalog.LifecycleEntry;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.OperatorProductView;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.SelfApprovalException;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.UnknownProductException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
@RequestMapping("/api/admin/products")
class CatalogAdminController {

    private final ProductCatalog catalog;
    private final MessageSource messages;

    CatalogAdminController(ProductCatalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    /**
     * The operator on whose behalf the admin app calls. Trusted because only service accounts (realm role
     * {@code internal-api}, held by the admin app's service client alone) get past the admin API's security chain;
     * a shopper or an operator's own token never reaches this controller.
     */
    static final String OPERATOR_HEADER = "X-Onshore-Operator";

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

    private static Operator operator(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new InvalidInputException(OPERATOR_HEADER, "required");
        }
        var operator = Operator.parseOrNull(header);
        if (operator == null) {
            throw new InvalidInputException(OPERATOR_HEADER, "pattern");
        }
        return operator;
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

    @ExceptionHandler(SelfApprovalException.class)
    ProblemDetail selfApproval(SelfApprovalException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                messages.getMessage("problem.self-approval.detail", new Object[] {e.sku(), e.operator()}, locale));
        problem.setType(URI.create("https://onshore.dev/problems/self-approval"));
        problem.setTitle(messages.getMessage("problem.self-approval.title", null, locale));
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e, Locale locale) {
        return invalidInputProblem(e, messages, locale);
    }

    /** 400 with one entry per field ({@code errors: [{field, code, message}]}); shared by the catalog's adapters. */
    static ProblemDetail invalidInputProblem(InvalidInputException e, MessageSource messages, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.invalid-input.detail", null, locale));
        problem.setType(URI.create("https://onshore.dev/problems/invalid-input"));
        problem.setTitle(messages.getMessage("problem.invalid-input.title", null, locale));
        problem.setProperty("errors", e.problems().stream().map(p -> Map.of("field", p.field(), "code", p.code(),
                "message", messages.getMessage("input.error." + p.code(), new Object[] {p.field()}, locale)))
                .toList());
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
