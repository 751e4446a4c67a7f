package dev.onshore.was.catalog.internal;

import dev.onshore.i18n.market.Market;
import dev.onshore.i18n.market.Markets;
import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.InvalidProductException;
import dev.onshore.was.catalog.InvalidProductException.Violation;
import dev.onshore.was.catalog.LifecycleEntry;
import dev.onshore.was.catalog.OfferPricing;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductAdministration;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.StaleProductException;
import dev.onshore.was.catalog.UnknownProductException;
import dev.onshore.was.catalog.media.MediaService;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operators' edits of products, each checked against the version the operator edited. */
@Service
@Transactional
class ProductAdministrationService implements ProductAdministration {

    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(?:-[A-Z]{2})?");
    static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
    /** Base prices and list prices: at most 15 integer digits and 4 decimals (DECIMAL(19,4)). */
    static final BigDecimal MAX_PRICE = new BigDecimal("999999999999999");

    private final Products products;
    private final Categories categories;
    private final ShelfPrices prices;
    private final Markets markets;
    private final Clock clock;
    private final jakarta.persistence.EntityManager entities;
    private final dev.onshore.was.audit.AuditTrail audit;

    ProductAdministrationService(Products products, Categories categories, ShelfPrices prices, Markets markets,
            Clock clock, jakarta.persistence.EntityManager entities, dev.onshore.was.audit.AuditTrail audit) {
        this.entities = entities;
        this.audit = audit;
        this.products = products;
        this.categories = categories;
        this.prices = prices;
        this.markets = markets;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public ProductPage search(ProductQuery query) {
        var size = Math.clamp(query.size(), 1, 100);
        var page = Math.max(0, query.page());
        var text = blankToNull(query.text());
        var category = blankToNull(query.category());
        var found = products.search(text == null ? null : "%" + escape(text.toUpperCase(Locale.ROOT)) + "%",
                query.status(), category, category == null ? null : escape(category) + ".%",
                blankToNull(query.brand()), blankToNull(query.market()),
                PageRequest.of(page, size, Sort.by("sku")));
        var rows = found.getContent().stream().map(product -> new ProductRow(product.sku().value(), product.brand(),
                product.translation(query.language()).name(), product.status(), product.categoryCode(),
                product.offers().keySet().stream().sorted().toList(),
                product.images().isEmpty() ? null : "/media/" + product.images().getFirst().fileName(),
                product.basePrice(), product.baseCurrency(), product.updatedAt())).toList();
        return new ProductPage(rows, page, size, found.getTotalElements());
    }

    @Override
    @Transactional(readOnly = true)
    public ProductSheet sheet(Sku sku, String language) {
        return sheet(find(sku), language);
    }

    @Override
    public ProductSheet create(NewProduct input, Operator operator) {
        var violations = new ArrayList<Violation>();
        var sku = input.sku() == null ? null : Sku.parseOrNull(input.sku());
        if (input.sku() == null || input.sku().isBlank()) {
            violations.add(new Violation("sku", "required"));
        } else if (sku == null) {
            violations.add(new Violation("sku", "pattern"));
        } else if (products.existsBySku(sku.value())) {
            violations.add(new Violation("sku", "duplicate"));
        }
        var name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            violations.add(new Violation("name", "required"));
        } else if (name.length() > 200) {
            violations.add(new Violation("name", "tooLong"));
        }
        checkBasics(new Basics(input.brand(), input.category(), input.basePrice(), input.baseCurrency()), violations);
        if (!violations.isEmpty()) {
            throw new InvalidProductException(violations);
        }
        var now = clock.instant();
        var product = new Product(sku, input.brand().strip(), input.basePrice(), currency(input.baseCurrency()), now)
                .translate("en", new ProductTranslation(name, ""), now).categorize(blankToNull(input.category()), now);
        var created = sheet(saved(product), "en");
        audit.record("product.create", target(sku), null, new Basics(created.brand(), created.category(),
                created.basePrice(), created.baseCurrency()));
        return created;
    }

    @Override
    public ProductSheet changeBasics(Sku sku, long version, Basics basics, Operator operator) {
        var product = find(sku, version);
        var violations = new ArrayList<Violation>();
        checkBasics(basics, violations);
        if (!violations.isEmpty()) {
            throw new InvalidProductException(violations);
        }
        var before = new Basics(product.brand(), product.categoryCode(), product.basePrice(), product.baseCurrency());
        var now = clock.instant();
        product.changeBasics(basics.brand(), basics.basePrice(), currency(basics.baseCurrency()), now)
                .categorize(blankToNull(basics.category()), now);
        var after = sheet(saved(product), "en");
        audit.record("product.basics", target(sku), before, new Basics(after.brand(), after.category(),
                after.basePrice(), after.baseCurrency()));
        return after;
    }

    @Override
    public ProductSheet translate(Sku sku, long version, String language, Texts texts, Operator operator) {
        var product = find(sku, version);
        var violations = new ArrayList<Violation>();
        if (!LANGUAGE.matcher(language).matches()) {
            violations.add(new Violation("language", "pattern"));
        }
        var name = texts.name() == null ? "" : texts.name().strip();
        if (name.isEmpty()) {
            violations.add(new Violation("name", "required"));
        }
        length(violations, "name", name, 200);
        length(violations, "summary", texts.summary(), 1000);
        length(violations, "description", texts.description(), 8000);
        length(violations, "ingredients", texts.ingredients(), 2000);
        length(violations, "usage", texts.usage(), 2000);
        length(violations, "warnings", texts.warnings(), 2000);
        if (!violations.isEmpty()) {
            throw new InvalidProductException(violations);
        }
        var before = product.translations().get(language);
        product.translate(language, new ProductTranslation(name, texts.summary() == null ? "" : texts.summary(),
                blankToNull(texts.description()), blankToNull(texts.ingredients()), blankToNull(texts.usage()),
                blankToNull(texts.warnings())), clock.instant());
        var after = sheet(saved(product), language);
        audit.record("product.translate", target(sku) + "/" + language, before, after.translations().get(language));
        return after;
    }

    @Override
    public ProductSheet offer(Sku sku, long version, String market, OfferInput input, Operator operator) {
        var product = find(sku, version);
        var before = product.offers().get(market);
        var offer = offerOf(market, input, "");
        product.offer(market, offer, clock.instant());
        var after = sheet(saved(product), "en");
        audit.record("product.offer", target(sku) + "/" + market, before, offer);
        return after;
    }

    @Override
    public ProductSheet recordRegulatory(Sku sku, long version, String market, Map<String, String> attributes,
            Operator operator) {
        var product = find(sku, version);
        if (!MARKET.matcher(market).matches()) {
            throw new InvalidProductException("market", "unknown");
        }
        var before = Map.copyOf(product.regulatoryIn(market));
        product.recordRegulatory(market, attributes, clock.instant());
        var after = sheet(saved(product), "en");
        audit.record("product.regulatory", target(sku) + "/" + market, before, product.regulatoryIn(market));
        return after;
    }

    @Override
    public ProductSheet withdrawOffer(Sku sku, long version, String market, Operator operator) {
        var product = find(sku, version);
        var before = product.offers().get(market);
        product.withdrawOffer(market, clock.instant());
        var after = sheet(saved(product), "en");
        audit.record("product.withdrawOffer", target(sku) + "/" + market, before, null);
        return after;
    }

    /**
     * The offer as entered, or every rule it breaks with fields prefixed by {@code prefix}.
     *
     * @throws InvalidProductException with one violation per field
     */
    MarketOffer offerOf(String market, OfferInput input, String prefix) {
        var violations = new ArrayList<Violation>();
        var settings = MARKET.matcher(market).matches() ? markets.find(market).orElse(null) : null;
        if (settings == null) {
            throw new InvalidProductException(prefix + "market", "unknown");
        }
        var currency = input.currency() == null || input.currency().isBlank() ? settings.currency().getCurrencyCode()
                : input.currency().strip().toUpperCase(Locale.ROOT);
        if (!currency.equals(settings.currency().getCurrencyCode())) {
            violations.add(new Violation(prefix + "currency", "marketCurrency"));
        }
        var pricing = input.pricing() == null ? OfferPricing.LIST : input.pricing();
        if (pricing == OfferPricing.LIST) {
            price(violations, prefix + "listPrice", input.listPrice(), true, settings);
        } else if (input.listPrice() != null || input.salePrice() != null) {
            violations.add(new Violation(prefix + "listPrice", "convertedHasNoPrice"));
        }
        if (input.salePrice() != null) {
            price(violations, prefix + "salePrice", input.salePrice(), false, settings);
            if (input.listPrice() != null && input.salePrice().compareTo(input.listPrice()) >= 0) {
                violations.add(new Violation(prefix + "salePrice", "belowList"));
            }
            if (input.saleStartsAt() == null || input.saleEndsAt() == null) {
                violations.add(new Violation(prefix + "saleEndsAt", "required"));
            } else if (!input.saleEndsAt().isAfter(input.saleStartsAt())) {
                violations.add(new Violation(prefix + "saleEndsAt", "afterStart"));
            }
        }
        var max = input.maxPerOrder() == null ? 10 : input.maxPerOrder();
        if (max < 1 || max > 999) {
            violations.add(new Violation(prefix + "maxPerOrder", "range"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidProductException(violations);
        }
        return new MarketOffer(currency, input.listPrice(), input.salePrice(),
                input.salePrice() == null ? null : input.saleStartsAt(),
                input.salePrice() == null ? null : input.saleEndsAt(), max,
                input.availability() == null ? Availability.IN_STOCK : input.availability(), pricing);
    }

    private static void price(List<Violation> violations, String field, @Nullable BigDecimal price, boolean required,
            Market market) {
        if (price == null) {
            if (required) {
                violations.add(new Violation(field, "required"));
            }
        } else if (price.signum() <= 0) {
            violations.add(new Violation(field, "positive"));
        } else if (price.compareTo(MAX_PRICE) > 0) {
            violations.add(new Violation(field, "tooLarge"));
        } else if (price.stripTrailingZeros().scale() > market.currency().getDefaultFractionDigits()) {
            violations.add(new Violation(field, "currencyDigits"));
        }
    }

    void checkBasics(Basics basics, List<Violation> violations) {
        var brand = basics.brand() == null ? "" : basics.brand().strip();
        if (brand.isEmpty()) {
            violations.add(new Violation("brand", "required"));
        } else if (brand.length() > 80) {
            violations.add(new Violation("brand", "tooLong"));
        }
        var category = blankToNull(basics.category());
        if (category != null && !categories.existsById(category)) {
            violations.add(new Violation("category", "unknown"));
        }
        var currency = currencyOrNull(basics.baseCurrency());
        if (currency == null) {
            violations.add(new Violation("baseCurrency", basics.baseCurrency() == null ? "required" : "unknown"));
        }
        if (basics.basePrice() == null) {
            violations.add(new Violation("basePrice", "required"));
        } else if (basics.basePrice().signum() <= 0) {
            violations.add(new Violation("basePrice", "positive"));
        } else if (basics.basePrice().compareTo(MAX_PRICE) > 0) {
            violations.add(new Violation("basePrice", "tooLarge"));
        } else if (currency != null
                && basics.basePrice().stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            violations.add(new Violation("basePrice", "currencyDigits"));
        }
    }

    private static @Nullable Currency currencyOrNull(@Nullable String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            return null;
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String currency(@Nullable String code) {
        return java.util.Objects.requireNonNull(currencyOrNull(code)).getCurrencyCode();
    }

    private static void length(List<Violation> violations, String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "tooLong"));
        }
    }

    ProductSheet sheet(Product product, String language) {
        var now = clock.instant();
        var translations = new TreeMap<String, Texts>();
        var completeness = new TreeMap<String, Integer>();
        product.translations().forEach((lang, text) -> {
            translations.put(lang, new Texts(text.name(), text.summary(), text.description(), text.ingredients(),
                    text.usage(), text.warnings()));
            completeness.put(lang, text.completeness());
        });
        var offers = new TreeMap<String, OfferView>();
        product.offers().forEach((market, offer) -> {
            var local = prices.of(product, market, now).map(price -> price.price()).orElse(null);
            offers.put(market, new OfferView(offer.currency(), offer.pricing(), offer.listPrice(), offer.salePrice(),
                    offer.saleStartsAt(), offer.saleEndsAt(), offer.maxPerOrder(), offer.availability(), local,
                    prices.forShopper(product, market, now).isPresent()));
        });
        var regulatory = new TreeMap<String, RegulatoryView>();
        var marketsShown = new java.util.TreeSet<String>(RegulatorySchemas.BY_MARKET.keySet());
        marketsShown.addAll(product.offers().keySet());
        for (var market : marketsShown) {
            var schema = RegulatorySchemas.of(market);
            var attributes = product.regulatoryIn(market);
            var problems = new TreeMap<String, String>();
            if (!schema.rules().isEmpty()) {
                schema.violations(attributes).forEach(v -> problems.put(v.field(), v.code()));
            }
            regulatory.put(market, new RegulatoryView(new TreeMap<>(attributes),
                    schema.rules().stream().map(RegulatorySchemas.Rule::name).toList(), problems));
        }
        var lifecycle = product.lifecycle().stream()
                .map(step -> new LifecycleEntry(step.from(), step.to(), step.operator(), step.note(), step.occurredAt()))
                .toList();
        return new ProductSheet(product.sku().value(), product.brand(), product.categoryCode(), product.basePrice(),
                product.baseCurrency(), product.status(), product.version(), product.submittedBy(),
                product.submittedAt(), product.approvedBy(), product.approvedAt(), translations, completeness, offers,
                regulatory, product.images().stream().map(image -> MediaService.view(image, language)).toList(),
                lifecycle, product.updatedAt());
    }

    private static String target(Sku sku) {
        return "product:" + sku.value();
    }

    /** Saved and flushed, so that the answer carries the version the next edit must name. */
    private Product saved(Product product) {
        var result = products.save(product);
        entities.flush();
        return result;
    }

    private Product find(Sku sku) {
        return products.findBySku(sku.value()).orElseThrow(() -> new UnknownProductException(sku.value()));
    }

    private Product find(Sku sku, long version) {
        var product = find(sku);
        if (product.version() != version) {
            throw new StaleProductException(sku.value(), version, product.version());
        }
        return product;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String escape(String like) {
        return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
