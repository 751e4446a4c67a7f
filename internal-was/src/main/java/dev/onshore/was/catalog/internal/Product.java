package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.IllegalProductTransitionException;
import dev.onshore.was.catalog.InvalidRegulatoryDataException;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductApproved;
import dev.onshore.was.catalog.ProductChanged;
import dev.onshore.was.catalog.ProductPublished;
import dev.onshore.was.catalog.ProductRejected;
import dev.onshore.was.catalog.ProductStatus;
import dev.onshore.was.catalog.ProductSubmitted;
import dev.onshore.was.catalog.ProductSuspended;
import dev.onshore.was.catalog.RegulatoryViolation;
import dev.onshore.was.catalog.SelfApprovalException;
import dev.onshore.was.catalog.Sku;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A product and the rules of its life cycle. Changes are verbs that refuse illegal transitions.
 *
 * <p>Life cycle: an operator {@linkplain #submit submits} a draft; another operator {@linkplain #approve approves}
 * it (four eyes: never the one who submitted it) or {@linkplain #reject rejects} it back to draft; an approved
 * product is {@linkplain #publish published}, a published one may be {@linkplain #suspend suspended} and published
 * again. Every step is kept in the product's life-cycle log with its operator.
 *
 * <p>Re-approval: an approval covers the content that was reviewed. Any change of content (texts, offers, category,
 * regulatory data) while the product is pending approval or approved withdraws the submission or approval: the
 * product goes back to draft and must be submitted again. Once a product has been published, changes take effect at
 * once (a price correction, a renewed Halal certificate or a stock change must not take it off sale); they are
 * followed through {@link ProductChanged} events, and a suspended product resumes with its content as it is.
 *
 * <p>Every verb takes the time it happens at: the caller reads the application's clock, so that the aggregate's
 * steps, its {@code updatedAt} and its events agree with it. How it is stored and how it is searched are mapped
 * apart: its tables by {@link ProductTableMapping} ({@code product.orm.xml}), its search document by
 * {@code catalog.search.ProductSearchMapping}.
 */
public class Product extends AbstractAggregateRoot<Product> {

    public static final int MAX_IMAGES = 12;

    private UUID id;
    private String sku;
    private String brand;
    private ProductStatus status;
    private BigDecimal basePrice;
    private String baseCurrency;
    private Map<String, ProductTranslation> translations = new HashMap<>();
    private Map<String, MarketOffer> offers = new HashMap<>();
    private @Nullable String categoryCode;
    private Map<String, RegulatoryAttributes> regulatory = new HashMap<>();
    private @Nullable String submittedBy;
    private @Nullable Instant submittedAt;
    private @Nullable String approvedBy;
    private @Nullable Instant approvedAt;

    /** In display order: the first is the main image. */
    private List<ProductImage> images = new ArrayList<>();

    /** What the variants differ in; null exactly when there are none. */
    private @Nullable ProductOption option;

    /** In display order: the first is the one a product page shows unless the shopper chose another. */
    private List<ProductVariant> variants = new ArrayList<>();

    /** Every step, oldest first; loaded only when a step is added or an operator asks: pages never need it. */
    private List<LifecycleStep> lifecycle = new ArrayList<>();

    /** Whether this instance already registered a {@link ProductChanged}: one per loaded product. */
    private transient boolean changeRegistered;

    private Instant updatedAt;

    /** Optimistic locking: an operator saving over another's change is refused. */
    private long version;

    /** For the persistence mapping only. */
    protected Product() {
    }

    public Product(Sku sku, String brand, BigDecimal basePrice, String baseCurrency, Instant now) {
        this.id = UUID.randomUUID();
        this.sku = sku.value();
        this.brand = brand;
        this.status = ProductStatus.DRAFT;
        this.basePrice = basePrice;
        this.baseCurrency = baseCurrency;
        this.updatedAt = now;
    }

    public Product translate(String language, ProductTranslation translation, Instant now) {
        translations.put(language, translation);
        return changed(now);
    }

    public Product offer(String market, MarketOffer offer, Instant now) {
        offers.put(market, offer);
        return changed(now);
    }

    /** Changes the brand and the base price (in its currency); the category is {@link #categorize}'s. */
    Product changeBasics(String newBrand, BigDecimal newBasePrice, String newBaseCurrency, Instant now) {
        if (newBrand.isBlank() || newBasePrice.signum() <= 0) {
            throw new IllegalArgumentException("A product needs a brand and a positive base price");
        }
        this.brand = newBrand.strip();
        this.basePrice = newBasePrice;
        this.baseCurrency = newBaseCurrency;
        return changed(now);
    }

    /**
     * Carries the brand under its new name: an operator renamed the brand (or merged it into another) on every
     * product at once. Unlike {@link #changeBasics}, it does not withdraw a submission or an approval: the product's
     * reviewed content is the same, only the name all of the brand's products share was corrected, and a rename
     * must not send a whole brand back to draft. Shoppers see the new name, so a {@link ProductChanged} follows.
     */
    void rebrand(String newBrand, Instant now) {
        if (newBrand.isBlank()) {
            throw new IllegalArgumentException("A product needs a brand");
        }
        this.brand = newBrand.strip();
        updatedAt = now;
        if (!changeRegistered && id != null && sku != null) {
            changeRegistered = true;
            registerEvent(ProductChanged.of(sku(), now));
        }
    }

    /** Stops offering the product in {@code market}; false when it was not offered there (nothing changes). */
    boolean withdrawOffer(String market, Instant now) {
        var removed = offers.remove(market) != null;
        if (removed) {
            changed(now);
        }
        return removed;
    }

    /** Per market offered, the attributes its regulator requires that are missing or invalid (empty: none). */
    Map<String, List<RegulatoryViolation>> regulatoryGaps() {
        var gaps = new TreeMap<String, List<RegulatoryViolation>>();
        offers.forEach((market, offer) -> {
            if (offer.availability() != Availability.DISCONTINUED) {
                var violations = RegulatorySchemas.of(market).violations(regulatoryIn(market));
                if (!violations.isEmpty()) {
                    gaps.put(market, violations);
                }
            }
        });
        return gaps;
    }

    long version() {
        return version;
    }

    @Nullable Instant submittedAt() {
        return submittedAt;
    }

    @Nullable Instant approvedAt() {
        return approvedAt;
    }

    public Product categorize(@Nullable String category, Instant now) {
        this.categoryCode = category;
        return changed(now);
    }

    /** Replaces the market's regulatory data; refuses (changing nothing) data that breaks the market's schema. */
    public Product recordRegulatory(String market, Map<String, String> attributes, Instant now) {
        var violations = RegulatorySchemas.of(market).violations(attributes);
        if (!violations.isEmpty()) {
            throw new InvalidRegulatoryDataException(market, violations);
        }
        var stripped = new HashMap<String, String>();
        attributes.forEach((name, value) -> stripped.put(name, value.strip()));
        regulatory.put(market, new RegulatoryAttributes(stripped));
        return changed(now);
    }

    /**
     * The rule of issue 4: published, offered (not discontinued) in the market, and every attribute the market's
     * regulator requires present, valid and not expired on {@code today}, the date in the market's zone.
     */
    boolean isSellableIn(String market, LocalDate today) {
        if (status != ProductStatus.PUBLISHED) {
            return false;
        }
        var offer = offers.get(market);
        if (offer == null || offer.availability() == Availability.DISCONTINUED) {
            return false;
        }
        var attributes = regulatory.get(market);
        return RegulatorySchemas.of(market).satisfiedBy(attributes == null ? null : attributes.values(),
                today);
    }

    private Product changed(Instant now) {
        updatedAt = now;
        if (status == ProductStatus.PENDING_APPROVAL || status == ProductStatus.APPROVED) {
            step(ProductStatus.DRAFT, null, now, "content changed: the " + (status == ProductStatus.APPROVED
                    ? "approval" : "submission") + " was withdrawn");
            submittedBy = null;
            submittedAt = null;
            approvedBy = null;
            approvedAt = null;
        }
        if (!changeRegistered && id != null && sku != null) {
            changeRegistered = true;
            registerEvent(ProductChanged.of(sku(), now));
        }
        return this;
    }

    /**
     * Adds an image at the end (the first one added is the main image); an image already shown (same file) only has
     * its alternative texts replaced.
     */
    public Product addImage(ProductImage image, Instant now) {
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).fileName().equals(image.fileName())) {
                images.set(i, image);
                return changed(now);
            }
        }
        if (images.size() >= MAX_IMAGES) {
            throw new IllegalArgumentException("A product shows at most " + MAX_IMAGES + " images");
        }
        images.add(image);
        return changed(now);
    }

    /** Removes the image showing {@code fileName}; false when there is none (nothing changes). */
    public boolean removeImage(String fileName, Instant now) {
        var removed = images.removeIf(image -> image.fileName().equals(fileName));
        if (removed) {
            changed(now);
        }
        return removed;
    }

    /** Makes the image showing {@code fileName} the main one; false when there is none (nothing changes). */
    public boolean makeMainImage(String fileName, Instant now) {
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).fileName().equals(fileName)) {
                images.addFirst(images.remove(i));
                changed(now);
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces the product's option and variants: both or neither; suffixes unique. Search keeps indexing the
     * product itself, never its variants.
     */
    public Product defineVariants(@Nullable ProductOption newOption, List<ProductVariant> newVariants, Instant now) {
        if ((newOption == null) != newVariants.isEmpty()) {
            throw new IllegalArgumentException("Variants need an option, an option needs variants");
        }
        if (newVariants.stream().map(ProductVariant::suffix).distinct().count() != newVariants.size()) {
            throw new IllegalArgumentException("Variant suffixes must be unique");
        }
        option = newOption;
        variants.clear();
        variants.addAll(newVariants);
        return changed(now);
    }

    @Nullable ProductOption option() {
        return option;
    }

    public List<ProductVariant> variants() {
        return Collections.unmodifiableList(variants);
    }

    public List<ProductImage> images() {
        return Collections.unmodifiableList(images);
    }

    /** Asks another operator to approve this draft for publication. */
    public Product submit(Operator operator, Instant now) {
        require(ProductStatus.DRAFT, ProductStatus.PENDING_APPROVAL);
        step(ProductStatus.PENDING_APPROVAL, operator, now, null);
        submittedBy = operator.name();
        submittedAt = updatedAt;
        registerEvent(ProductSubmitted.of(sku(), operator, now));
        return this;
    }

    /**
     * Approves a submitted product for publication.
     *
     * @throws SelfApprovalException when {@code operator} submitted it (nothing changes)
     */
    public Product approve(Operator operator, Instant now) {
        require(ProductStatus.PENDING_APPROVAL, ProductStatus.APPROVED);
        if (operator.name().equals(submittedBy)) {
            throw new SelfApprovalException(sku, operator);
        }
        step(ProductStatus.APPROVED, operator, now, null);
        approvedBy = operator.name();
        approvedAt = updatedAt;
        registerEvent(ProductApproved.of(sku(), operator, now));
        return this;
    }

    /** Sends a submitted product back to draft; the submitter may withdraw their own submission this way too. */
    Product reject(Operator operator, String reason, Instant now) {
        if (reason.isBlank() || reason.length() > 500) {
            throw new IllegalArgumentException("A rejection needs a reason of at most 500 characters");
        }
        require(ProductStatus.PENDING_APPROVAL, ProductStatus.DRAFT);
        step(ProductStatus.DRAFT, operator, now, reason.strip());
        submittedBy = null;
        submittedAt = null;
        registerEvent(ProductRejected.of(sku(), operator, reason.strip(), now));
        return this;
    }

    /** Puts an approved product on sale, or a suspended one back on sale. */
    public Product publish(Operator operator, Instant now) {
        if (status != ProductStatus.APPROVED && status != ProductStatus.SUSPENDED) {
            throw new IllegalProductTransitionException(status, ProductStatus.PUBLISHED);
        }
        step(ProductStatus.PUBLISHED, operator, now, null);
        registerEvent(ProductPublished.of(sku(), now));
        return this;
    }

    /** Takes a published product off sale. */
    Product suspend(Operator operator, Instant now) {
        require(ProductStatus.PUBLISHED, ProductStatus.SUSPENDED);
        step(ProductStatus.SUSPENDED, operator, now, null);
        registerEvent(ProductSuspended.of(sku(), now));
        return this;
    }

    private void require(ProductStatus from, ProductStatus to) {
        if (status != from) {
            throw new IllegalProductTransitionException(status, to);
        }
    }

    private void step(ProductStatus to, @Nullable Operator operator, Instant now, @Nullable String note) {
        updatedAt = now;
        lifecycle.add(new LifecycleStep(status, to, operator == null ? null : operator.name(), note, updatedAt));
        status = to;
    }

    @Nullable String submittedBy() {
        return submittedBy;
    }

    @Nullable String approvedBy() {
        return approvedBy;
    }

    /** Every step of the life cycle, oldest first. */
    List<LifecycleStep> lifecycle() {
        return Collections.unmodifiableList(lifecycle);
    }

    public Sku sku() {
        return new Sku(sku);
    }

    public String brand() {
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
    public ProductTranslation translation(String language) {
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

    public Map<String, ProductTranslation> translations() {
        return Collections.unmodifiableMap(translations);
    }

    public Map<String, MarketOffer> offers() {
        return Collections.unmodifiableMap(offers);
    }

    public Map<String, String> regulatoryIn(String market) {
        var attributes = regulatory.get(market);
        return attributes == null ? Map.of() : attributes.values();
    }

    public @Nullable String categoryCode() {
        return categoryCode;
    }

    public Instant updatedAt() {
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
