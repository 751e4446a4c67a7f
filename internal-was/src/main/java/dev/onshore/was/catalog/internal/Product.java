package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.IllegalProductTransitionException;
import dev.onshore.was.catalog.ProductPublished;
import dev.onshore.was.catalog.ProductStatus;
import dev.onshore.was.catalog.ProductSuspended;
import dev.onshore.was.catalog.Sku;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A product and the rules of its life cycle. Changes are verbs that refuse illegal transitions. */
@Entity
@Table(name = "product")
class Product extends AbstractAggregateRoot<Product> {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 40)
    private String sku;

    @Column(nullable = false, length = 80)
    private String brand;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProductStatus status;

    @Column(name = "base_price", nullable = false, precision = 19, scale = 4)
    private BigDecimal basePrice;

    @Column(name = "base_currency", nullable = false, length = 3)
    private String baseCurrency;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_translation", joinColumns = @JoinColumn(name = "product_id"))
    @MapKeyColumn(name = "language", length = 20)
    private Map<String, ProductTranslation> translations = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_offer", joinColumns = @JoinColumn(name = "product_id"))
    @MapKeyColumn(name = "market", length = 2)
    private Map<String, MarketOffer> offers = new HashMap<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Product() {
        // for JPA
    }

    Product(Sku sku, String brand, BigDecimal basePrice, String baseCurrency) {
        this.id = UUID.randomUUID();
        this.sku = sku.value();
        this.brand = brand;
        this.status = ProductStatus.DRAFT;
        this.basePrice = basePrice;
        this.baseCurrency = baseCurrency;
        this.updatedAt = Instant.now();
    }

    Product translate(String language, ProductTranslation translation) {
        translations.put(language, translation);
        return this;
    }

    Product offer(String market, MarketOffer offer) {
        offers.put(market, offer);
        return this;
    }

    Product publish() {
        if (status == ProductStatus.PUBLISHED) {
            throw new IllegalProductTransitionException(status, ProductStatus.PUBLISHED);
        }
        status = ProductStatus.PUBLISHED;
        updatedAt = Instant.now();
        registerEvent(ProductPublished.of(sku()));
        return this;
    }

    Product suspend() {
        if (status != ProductStatus.PUBLISHED) {
            throw new IllegalProductTransitionException(status, ProductStatus.SUSPENDED);
        }
        status = ProductStatus.SUSPENDED;
        updatedAt = Instant.now();
        registerEvent(ProductSuspended.of(sku()));
        return this;
    }

    Sku sku() {
        return new Sku(sku);
    }

    String brand() {
        return brand;
    }

    ProductStatus status() {
        return status;
    }

    BigDecimal basePrice() {
        return basePrice;
    }

    String baseCurrency() {
        return baseCurrency;
    }

    /** The translation in {@code language}, else in English, else any. */
    ProductTranslation translation(String language) {
        var exact = translations.get(language);
        if (exact != null) {
            return exact;
        }
        var english = translations.get("en");
        if (english != null) {
            return english;
        }
        return translations.values().stream().findFirst()
                .orElse(new ProductTranslation(sku, ""));
    }

    boolean hasTranslation(String language) {
        return translations.containsKey(language);
    }

    Optional<MarketOffer> offerIn(String market) {
        return Optional.ofNullable(offers.get(market));
    }
}
