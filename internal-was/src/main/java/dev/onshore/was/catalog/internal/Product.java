package dev.onshore.was.catalog.internal;

import dev.onshore.i18n.market.Market;
import dev.onshore.i18n.market.Markets;
import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.IllegalProductTransitionException;
import dev.onshore.was.catalog.InvalidRegulatoryDataException;
import dev.onshore.was.catalog.ProductChanged;
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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A product and the rules of its life cycle. Changes are verbs that refuse illegal transitions. */
@Entity
@Table(name = "product")
@Indexed(index = "product")
@TypeBinding(binder = @TypeBinderRef(type = ProductDocumentBinder.class))
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

    @Column(name = "category_code", length = 120)
    private @Nullable String categoryCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_regulatory", joinColumns = @JoinColumn(name = "product_id"))
    @MapKeyColumn(name = "market", length = 2)
    @Column(name = "attributes", nullable = false, columnDefinition = "longtext")
    private Map<String, RegulatoryAttributes> regulatory = new HashMap<>();

    @Transient
    private boolean changeRegistered;

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

    private static final Markets MARKETS = Markets.defaults();

    Product translate(String language, ProductTranslation translation) {
        translations.put(language, translation);
        return changed();
    }

    Product offer(String market, MarketOffer offer) {
        offers.put(market, offer);
        return changed();
    }

    Product categorize(@Nullable String category) {
        this.categoryCode = category;
        return changed();
    }

    /** Replaces the market's regulatory data; refuses (changing nothing) data that breaks the market's schema. */
    Product recordRegulatory(String market, Map<String, String> attributes) {
        var violations = RegulatorySchemas.of(market).violations(attributes);
        if (!violations.isEmpty()) {
            throw new InvalidRegulatoryDataException(market, violations);
        }
        var stripped = new HashMap<String, String>();
        attributes.forEach((name, value) -> stripped.put(name, value.strip()));
        regulatory.put(market, new RegulatoryAttributes(stripped));
        return changed();
    }

    /**
     * The rule of issue 4: published, offered (not discontinued) in the market, and every attribute the market's
     * regulator requires present, valid and not expired on {@code now}'s date in the market's zone.
     */
    boolean isSellableIn(String market, Instant now) {
        if (status != ProductStatus.PUBLISHED) {
            return false;
        }
        var offer = offers.get(market);
        if (offer == null || offer.availability() == Availability.DISCONTINUED) {
            return false;
        }
        var attributes = regulatory.get(market);
        return RegulatorySchemas.of(market).satisfiedBy(attributes == null ? null : attributes.values(),
                LocalDate.ofInstant(now, zoneOf(market)));
    }

    static ZoneId zoneOf(String market) {
        return MARKETS.find(market).map(Market::zone).orElse(ZoneOffset.UTC);
    }

    private Product changed() {
        updatedAt = Instant.now();
        if (!changeRegistered && id != null && sku != null) {
            changeRegistered = true;
            registerEvent(ProductChanged.of(sku()));
        }
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

    Map<String, ProductTranslation> translations() {
        return Collections.unmodifiableMap(translations);
    }

    Map<String, MarketOffer> offers() {
        return Collections.unmodifiableMap(offers);
    }

    Map<String, String> regulatoryIn(String market) {
        var attributes = regulatory.get(market);
        return attributes == null ? Map.of() : attributes.values();
    }

    @Nullable String categoryCode() {
        return categoryCode;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    UUID id() {
        return id;
    }

    boolean hasTranslation(String language) {
        return translations.containsKey(language);
    }

    Optional<MarketOffer> offerIn(String market) {
        return Optional.ofNullable(offers.get(market));
    }
}
