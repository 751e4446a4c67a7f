package dev.onshore.was.catalog.internal;

import dev.onshore.was.audit.AuditTrail;
import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.InputViolation;
import dev.onshore.was.catalog.InvalidVariantsException;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductVariants;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.UnknownProductException;
import java.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class VariantService implements ProductVariants {

    private static final Logger log = LoggerFactory.getLogger(VariantService.class);
    static final int MAX_VARIANTS = 30;

    private final Products products;
    private final AuditTrail audit;
    private final Clock clock;

    VariantService(Products products, AuditTrail audit, Clock clock) {
        this.products = products;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Definition variants(Sku sku) {
        var product = find(sku);
        var option = product.option();
        return new Definition(option == null ? null : option.code(),
                option == null ? Map.of() : option.labels().values(),
                product.variants().stream().map(variant -> new Variant(variant.suffix(), variant.labels().values(),
                        variant.priceDelta(), variant.ownPrices().values(), variant.availability())).toList());
    }

    @Override
    public Definition defineVariants(Sku sku, Definition definition, Operator operator) {
        var previous = variants(sku);
        var product = find(sku);
        var violations = new ArrayList<InputViolation>();
        ProductOption option = null;
        if (definition.variants().isEmpty()) {
            if (definition.optionCode() != null) {
                violations.add(new InputViolation("variants", "required"));
            }
        } else {
            var code = definition.optionCode();
            if (code == null || code.isBlank()) {
                violations.add(new InputViolation("optionCode", "required"));
            } else if (!code.matches("[a-z][a-z0-9-]{0,39}")) {
                violations.add(new InputViolation("optionCode", "pattern"));
            }
            var optionLabels = labels("optionLabels", definition.optionLabels(), violations);
            if (violations.isEmpty() && optionLabels != null && code != null) {
                option = new ProductOption(code, optionLabels);
            }
        }
        if (definition.variants().size() > MAX_VARIANTS) {
            violations.add(new InputViolation("variants", "tooLong"));
        }
        var variants = new ArrayList<ProductVariant>();
        var suffixes = new HashSet<String>();
        for (int i = 0; i < definition.variants().size() && i < MAX_VARIANTS; i++) {
            var field = "variants[" + i + "].";
            var variant = definition.variants().get(i);
            var before = violations.size();
            var suffix = variant.suffix();
            if (suffix == null || suffix.isBlank()) {
                violations.add(new InputViolation(field + "suffix", "required"));
            } else if (!suffix.matches("[A-Z0-9]{1,12}") || Sku.parseOrNull(sku.value() + "-" + suffix) == null) {
                violations.add(new InputViolation(field + "suffix", "pattern"));
            } else if (!suffixes.add(suffix)) {
                violations.add(new InputViolation(field + "suffix", "duplicate"));
            }
            var labels = labels(field + "labels", variant.labels(), violations);
            var delta = variant.priceDelta();
            if (delta != null && (delta.scale() > 4 || delta.abs().compareTo(new BigDecimal("1000000000")) >= 0
                    || product.basePrice().add(delta).signum() <= 0)) {
                violations.add(new InputViolation(field + "priceDelta", "range"));
            }
            var own = new TreeMap<String, BigDecimal>();
            (variant.ownPrices() == null ? Map.<String, BigDecimal>of() : variant.ownPrices()).forEach((market, price) -> {
                if (product.offerIn(market).isEmpty()) {
                    violations.add(new InputViolation(field + "ownPrices." + market, "unknown"));
                } else if (price == null || price.signum() <= 0 || price.scale() > 4) {
                    violations.add(new InputViolation(field + "ownPrices." + market, "positive"));
                } else {
                    own.put(market, price);
                }
            });
            if (violations.size() == before && labels != null) {
                variants.add(new ProductVariant(suffix, labels, delta, new MarketPrices(own),
                        variant.availability() == null ? Availability.IN_STOCK : variant.availability()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidVariantsException(violations);
        }
        products.save(product.defineVariants(option, variants, clock.instant()));
        log.info("{} defined {} variants of {}", operator, variants.size(), sku);
        var after = variants(sku);
        audit.record("product.variants", "product:" + sku.value(), previous, after);
        return after;
    }

    private static Labels labels(String field, Map<String, String> texts, List<InputViolation> violations) {
        var before = violations.size();
        var clean = new TreeMap<String, String>();
        (texts == null ? Map.<String, String>of() : texts).forEach((language, text) -> {
            var stripped = text == null ? "" : text.strip();
            if (!Labels.LANGUAGES.contains(language)) {
                violations.add(new InputViolation(field + "." + language, "unknown"));
            } else if (stripped.length() > Labels.MAX_LENGTH) {
                violations.add(new InputViolation(field + "." + language, "tooLong"));
            } else if (!Labels.valid(stripped)) {
                violations.add(new InputViolation(field + "." + language, "pattern"));
            } else {
                clean.put(language, stripped);
            }
        });
        if (!clean.containsKey("en") && (texts == null || !texts.containsKey("en"))) {
            violations.add(new InputViolation(field + ".en", "required"));
        }
        return violations.size() == before ? new Labels(clean) : null;
    }

    private Product find(Sku sku) {
        return products.findBySku(sku.value()).orElseThrow(() -> new UnknownProductException(sku.value()));
    }
}
