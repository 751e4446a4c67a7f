package dev.onshore.was.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a product's variants differ in, e.g. {@code count} ("Count", "Isi", "개수"): one option per product.
 *
 * @param code lower-case letters, digits and dashes
 */
@Embeddable
public record ProductOption(@Column(name = "option_code", length = 40) String code,
        @Column(name = "option_labels", columnDefinition = "longtext") Labels labels) {

    public ProductOption {
        if (code == null || !code.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("An option code is lower-case letters, digits and dashes: " + code);
        }
    }
}
