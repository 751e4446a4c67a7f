package dev.onshore.was.catalog.internal;

import dev.onshore.was.audit.AuditTrail;
import dev.onshore.was.catalog.media.*;
import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.CategoryView;
import dev.onshore.was.catalog.LifecycleEntry;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.OperatorProductView;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductDetail;
import dev.onshore.was.catalog.ProductStatus;
import dev.onshore.was.catalog.ProductView;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.UnknownProductException;
import dev.onshore.was.catalog.VariantView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class CatalogService implements ProductCatalog {

    private final Products products;
    private final Categories categories;
    private final ShelfPrices prices;
    private final Clock clock;
    private final AuditTrail audit;

    /**
     * The category tree, read on every page (navigation, breadcrumbs): kept for at most {@link #TREE_TTL_NANOS} so a
     * busy node asks the database about once a second instead of on each page, and an operator's change still shows
     * on every node within a second without any invalidation message.
     */
    private record Tree(List<Category> all, long loadedAt, long generation) {
    }

    private static final long TREE_TTL_NANOS = 1_000_000_000L;
    private volatile @org.jspecify.annotations.Nullable Tree tree;
    /** Bumped when this node learns of a change of the tree: a tree loaded before is not kept. */
    private final java.util.concurrent.atomic.AtomicLong treeGeneration = new java.util.concurrent.atomic.AtomicLong();

    CatalogService(Products products, Categories categories, ShelfPrices prices, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.products = products;
        this.categories = categories;
        this.prices = prices;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProductView> listForShoppers(String market, String language) {
        var now = clock.instant();
        return products.findByStatusOrderBySku(ProductStatus.PUBLISHED).stream()
                .flatMap(product -> prices.forShopper(product, market, now).stream()
                        .map(price -> shopperView(product, price, language)))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProductView> findForShoppers(List<Sku> skus, String market, String language) {
        if (skus.isEmpty()) {
            return List.of();
        }
        var now = clock.instant();
        var bySku = new java.util.HashMap<String, Product>();
        products.findBySkuIn(skus.stream().map(Sku::value).toList()).forEach(p -> bySku.put(p.sku().value(), p));
        return skus.stream().distinct().map(sku -> bySku.get(sku.value()))
                .filter(product -> product != null && product.status() == ProductStatus.PUBLISHED)
                .flatMap(product -> prices.forShopper(product, market, now).stream()
                        .map(price -> shopperView(product, price, language)))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ProductDetail> findForShopper(Sku sku, String market, String language,
            @org.jspecify.annotations.Nullable String variant) {
        var product = products.findBySku(sku.value()).orElse(null);
        return product == null ? Optional.empty() : detail(product, market, language, variant, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, ProductDetail> findAllForShopper(java.util.Collection<Sku> skus, String market,
            String language) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        var now = clock.instant();
        var found = new java.util.HashMap<String, ProductDetail>();
        // One query for the products; their texts, offers, images and variants come in batches (batch fetch size).
        products.findBySkuIn(skus.stream().map(Sku::value).distinct().toList()).forEach(product ->
                detail(product, market, language, null, now).ifPresent(d -> found.put(product.sku().value(), d)));
        return found;
    }

    private Optional<ProductDetail> detail(Product product, String market, String language,
            @org.jspecify.annotations.Nullable String variant, Instant now) {
        var sku = product.sku();
        var price = prices.forShopper(product, market, now).orElse(null);
        if (price == null) {
            return Optional.empty();
        }
        var text = product.translation(language);
        var offer = product.offerIn(market).orElseThrow();
        var availability = offer.availability();
        var code = product.categoryCode();
        var variants = new ArrayList<VariantView>();
        var variantPrices = product.variants().stream()
                .map(candidate -> prices.forVariant(product, candidate, market, now).orElse(null)).toList();
        int selected = -1;
        for (int i = 0; i < product.variants().size(); i++) {
            var candidate = product.variants().get(i);
            if (candidate.suffix().equals(variant) && variantPrices.get(i) != null) {
                selected = i;
            }
        }
        for (int i = 0; i < product.variants().size() && selected < 0; i++) {
            if (variantPrices.get(i) != null && product.variants().get(i).availability() == Availability.IN_STOCK) {
                selected = i;
            }
        }
        for (int i = 0; i < product.variants().size(); i++) {
            var candidate = product.variants().get(i);
            var candidatePrice = variantPrices.get(i);
            variants.add(new VariantView(candidate.suffix(), sku.value() + "-" + candidate.suffix(),
                    candidate.labels().in(language), candidatePrice == null ? null : candidatePrice.price(),
                    candidate.availability(), i == selected));
            if (i == selected && candidatePrice != null) {
                price = candidatePrice;
                if (availability == Availability.IN_STOCK) {
                    availability = candidate.availability();
                }
            }
        }
        var option = product.option();
        return Optional.of(new ProductDetail(product.sku().value(), product.brand(), text.name(), text.summary(),
                product.hasTranslation(language) ? language : "en", text.description(), text.ingredients(),
                text.usage(), text.warnings(), price.listPrice(), price.price(), price.currency(), price.saleEndsAt(),
                offer.maxPerOrder(), availability, code == null ? List.of() : categoryPath(code, language),
                product.regulatoryIn(market),
                product.images().stream().map(image -> MediaService.view(image, language)).toList(),
                option == null ? null : option.labels().in(language), List.copyOf(variants)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CategoryView> categories(String language) {
        var all = allCategories();
        return all.stream().filter(category -> category.parentCode() == null)
                .map(category -> tree(category, all, language)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CategoryView> category(String code, String language) {
        if (!Category.isCode(code)) {
            return Optional.empty();
        }
        var all = allCategories();
        return all.stream().filter(category -> category.code().equals(code)).findFirst()
                .map(category -> tree(category, all, language));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CategoryView> categoryPath(String code, String language) {
        if (!Category.isCode(code)) {
            return List.of();
        }
        var path = new ArrayList<CategoryView>();
        for (int cut = code.indexOf('.'); ; cut = code.indexOf('.', cut + 1)) {
            var ancestor = cut < 0 ? code : code.substring(0, cut);
            var found = allCategories().stream().filter(c -> c.code().equals(ancestor)).findFirst();
            if (found.isEmpty()) {
                return List.of();
            }
            var category = found.get();
            path.add(new CategoryView(category.code(), category.parentCode(), category.depth(),
                    category.nameIn(language), List.of()));
            if (cut < 0) {
                return path;
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> brands() {
        return products.findBrands();
    }

    @Override
    public void recordRegulatory(Sku sku, String market, Map<String, String> attributes) {
        var product = find(sku);
        var before = Map.copyOf(product.regulatoryIn(market));
        var after = products.save(product.recordRegulatory(market, attributes, clock.instant())).regulatoryIn(market);
        audit.record("product.regulatory", "product:" + sku.value() + "/" + market, before, after);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> completeness(Sku sku) {
        var result = new TreeMap<String, Integer>();
        find(sku).translations().forEach((language, text) -> result.put(language, text.completeness()));
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OperatorProductView> listForOperators(String language) {
        return products.findAllByOrderBySku().stream().map(product -> operatorView(product, language)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> stockKeepingUnits() {
        return products.findStockKeepingUnits();
    }

    @Override
    @Transactional(readOnly = true)
    public List<LifecycleEntry> lifecycle(Sku sku) {
        return find(sku).lifecycle().stream()
                .map(step -> new LifecycleEntry(step.from(), step.to(), step.operator(), step.note(), step.occurredAt()))
                .toList();
    }

    @Override
    public OperatorProductView submit(Sku sku, Operator operator) {
        return audited("product.submit", sku, product -> product.submit(operator, clock.instant()));
    }

    @Override
    public OperatorProductView approve(Sku sku, Operator operator) {
        return audited("product.approve", sku, product -> product.approve(operator, clock.instant()));
    }

    @Override
    public OperatorProductView reject(Sku sku, Operator operator, String reason) {
        return audited("product.reject", sku, product -> product.reject(operator, reason, clock.instant()));
    }

    @Override
    public OperatorProductView publish(Sku sku, Operator operator) {
        // A market whose regulator requires data the product lacks would never show it: refuse, name what is
        // missing, change nothing.
        var gaps = find(sku).regulatoryGaps();
        if (!gaps.isEmpty()) {
            var first = gaps.entrySet().iterator().next();
            throw new dev.onshore.was.catalog.InvalidRegulatoryDataException(first.getKey(), first.getValue());
        }
        return audited("product.publish", sku, product -> product.publish(operator, clock.instant()));
    }

    @Override
    public OperatorProductView suspend(Sku sku, Operator operator) {
        return audited("product.suspend", sku, product -> product.suspend(operator, clock.instant()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> nextScheduledChange(Instant after) {
        return products.nextSaleBoundary(after);
    }

    private List<Category> allCategories() {
        var cached = tree;
        var now = System.nanoTime();
        var generation = treeGeneration.get();
        if (cached == null || cached.generation() != generation || now - cached.loadedAt() > TREE_TTL_NANOS) {
            cached = new Tree(List.copyOf(categories.findAllByOrderByDepthAscPositionAsc()), now, generation);
            tree = cached;
        }
        return cached.all();
    }

    /**
     * Forgets the category tree read so far, after a change of it committed: the next page reads it again. A read
     * under way when this is called is used by its caller but not kept.
     */
    void forgetCategories() {
        treeGeneration.incrementAndGet();
    }

    /** Applies a workflow step and records it with the product's view before and after, in this transaction. */
    private OperatorProductView audited(String action, Sku sku, java.util.function.UnaryOperator<Product> step) {
        var product = find(sku);
        var before = operatorView(product, "en");
        var after = operatorView(products.save(step.apply(product)), "en");
        audit.record(action, "product:" + sku.value(), before, after);
        return after;
    }

    private Product find(Sku sku) {
        return products.findBySku(sku.value()).orElseThrow(() -> new UnknownProductException(sku.value()));
    }

    private static CategoryView tree(Category node, List<Category> all, String language) {
        var children = all.stream().filter(category -> node.code().equals(category.parentCode()))
                .map(category -> tree(category, all, language)).toList();
        return new CategoryView(node.code(), node.parentCode(), node.depth(), node.nameIn(language), children);
    }

    private static OperatorProductView operatorView(Product product, String language) {
        var text = product.translation(language);
        return new OperatorProductView(product.sku().value(), product.brand(), text.name(),
                product.hasTranslation(language) ? language : "en", product.basePrice(),
                Currency.getInstance(product.baseCurrency()), product.status(), product.submittedBy(),
                product.approvedBy(), product.updatedAt());
    }

    /** The product's card for a shopper: the price they pay now (a running sale included). */
    public static ProductView shopperView(Product product, ShelfPrice price, String language) {
        var text = product.translation(language);
        return new ProductView(product.sku().value(), product.brand(), text.name(), text.summary(),
                product.hasTranslation(language) ? language : "en", price.price(), price.currency(), product.status(),
                product.images().isEmpty() ? null : MediaService.view(product.images().getFirst(), language));
    }
}
