package dev.onshore.was.catalog.internal;

import dev.onshore.was.audit.AuditTrail;
import dev.onshore.was.catalog.BrandAdministration;
import dev.onshore.was.catalog.InputViolation;
import dev.onshore.was.catalog.InvalidBrandException;
import dev.onshore.was.catalog.ProductStatus;
import dev.onshore.was.catalog.UnknownBrandException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' renames of brands. A rename goes through each product (not one bulk UPDATE), so that every product's
 * version moves (an operator editing one meanwhile is told it changed), its search document is rewritten and the
 * storefront's pages drop the old name: each product announces a {@code ProductChanged} when it is saved.
 */
@Service
@Transactional
class BrandAdministrationService implements BrandAdministration {

    /** What the audit trail keeps of a brand before and after a rename. */
    record Snapshot(String name, List<String> skus) {
    }

    private final Products products;
    private final AuditTrail audit;
    private final EntityManager entities;
    private final Clock clock;

    BrandAdministrationService(Products products, AuditTrail audit, EntityManager entities, Clock clock) {
        this.products = products;
        this.audit = audit;
        this.entities = entities;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<BrandSummary> brands() {
        var counts = new TreeMap<String, Map<ProductStatus, Long>>();
        for (var row : products.countByBrandAndStatus()) {
            counts.computeIfAbsent((String) row[0], name -> new EnumMap<>(ProductStatus.class))
                    .merge((ProductStatus) row[1], ((Number) row[2]).longValue(), Long::sum);
        }
        return counts.entrySet().stream().map(brand -> BrandSummary.of(brand.getKey(), brand.getValue())).toList();
    }

    @Override
    public BrandRenamed rename(String name, BrandRename rename) {
        var renamed = products.findByBrandOrderBySku(name).stream()
                .filter(product -> product.brand().equals(name)).toList();
        if (renamed.isEmpty()) {
            throw new UnknownBrandException(name);
        }
        var to = rename.name() == null ? "" : rename.name().strip();
        var violations = new ArrayList<InputViolation>();
        if (to.isEmpty()) {
            violations.add(new InputViolation("name", "required"));
        } else if (to.length() > MAX_NAME) {
            violations.add(new InputViolation("name", "tooLong"));
        } else if (to.equals(name)) {
            violations.add(new InputViolation("name", "unchanged"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidBrandException(violations);
        }
        // Compared exactly: the database's collation may take "Hanbit health" for "Hanbit Health", which is the
        // very typo a rename corrects, not a brand to merge with.
        var merged = products.findByBrandOrderBySku(to).stream().anyMatch(product -> product.brand().equals(to));
        var skus = renamed.stream().map(product -> product.sku().value()).toList();
        var now = clock.instant();
        for (var product : renamed) {
            product.rebrand(to, now);
        }
        products.saveAll(renamed);
        entities.flush();
        audit.record("brand.rename", "brand:" + name, new Snapshot(name, skus), new Snapshot(to, skus));
        return new BrandRenamed(name, to, renamed.size(), merged);
    }
}
