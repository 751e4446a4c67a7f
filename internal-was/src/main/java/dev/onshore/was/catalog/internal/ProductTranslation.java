package dev.onshore.was.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A product's texts in one language. */
@Embeddable
record ProductTranslation(@Column(nullable = false, length = 200) String name,
        @Column(nullable = false, length = 1000) String summary) {
}
