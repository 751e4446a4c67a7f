package dev.onshore.was.cms.internal;

import dev.onshore.was.audit.AuditTrail;
import dev.onshore.i18n.market.Markets;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductSearch;
import dev.onshore.was.catalog.ProductView;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.cms.ItemContent;
import dev.onshore.was.cms.PageTemplate;
import dev.onshore.was.cms.ResolvedPage;
import dev.onshore.was.cms.ResolvedPage.Block;
import dev.onshore.was.cms.SiteContent;
import dev.onshore.was.cms.SiteContentChanged;
import dev.onshore.was.cms.PageContents;
import dev.onshore.was.cms.SiteSummary;
import dev.onshore.was.cms.StalePageException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class CmsService implements SiteContent {

    /** Higher priority first; among equals the most recently started, then a stable order. */
    private static final Comparator<PageItem> ORDER = Comparator.comparingInt(PageItem::priority).reversed()
            .thenComparing(PageItem::startsAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(PageItem::id);

    private final Sites sites;
    private final Pages pages;
    private final ProductCatalog catalog;
    private final ProductSearch search;
    private final CmsProperties properties;
    private final ApplicationEventPublisher events;
    private final Markets markets;
    private final AuditTrail audit;
    private final Clock clock;

    CmsService(Sites sites, Pages pages, ProductCatalog catalog, ProductSearch search, CmsProperties properties,
            ApplicationEventPublisher events, Markets markets, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.markets = markets;
        this.sites = sites;
        this.pages = pages;
        this.catalog = catalog;
        this.search = search;
        this.properties = properties;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ResolvedPage> resolve(String market, String language, String pageKey, Instant at) {
        var site = sites.findById(market).orElse(null);
        var page = site == null ? null : pages.findByMarketAndPageKey(market, pageKey).orElse(null);
        if (page == null) {
            return Optional.empty();
        }
        var live = page.items().stream().filter(item -> item.liveAt(at)).toList();
        var corners = new ArrayList<ResolvedPage.Corner>();
        for (var corner : page.template().corners()) {
            var inCorner = live.stream().filter(item -> item.corner().equals(corner)).toList();
            var chosen = new ArrayList<PageItem>(inCorner.stream()
                    .filter(item -> item.language().equals(PageItem.EVERY_LANGUAGE)).toList());
            for (var candidate : List.of(language, site.defaultLanguage(), "en")) {
                var written = inCorner.stream().filter(item -> item.language().equals(candidate)).toList();
                if (!written.isEmpty()) {
                    chosen.addAll(written);
                    break;
                }
            }
            chosen.sort(ORDER);
            corners.add(new ResolvedPage.Corner(corner, chosen.stream()
                    .map(item -> block(item, market, language)).filter(Objects::nonNull).toList()));
        }
        return Optional.of(new ResolvedPage(market, language, pageKey, page.template(), at, corners));
    }

    @Override
    public UUID schedule(String market, String pageKey, PageTemplate template, String corner, String language,
            int priority, @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, ItemContent content) {
        var site = sites.findById(market).orElseGet(() -> sites.save(newSite(market)));
        var page = pages.findByMarketAndPageKey(market, pageKey).orElseGet(() -> new Page(market, pageKey, template));
        var item = page.add(new PageItem(corner, language, priority, site.instant(startsAt), site.instant(endsAt),
                sanitized(content)));
        pages.save(page);
        audit.record("cms.item.schedule", "cms:" + market + "/" + pageKey + "/" + item.id(), null,
                audited(page, item));
        events.publishEvent(SiteContentChanged.of(market, clock.instant()));
        return item.id();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SiteSummary> sites() {
        var pagesByMarket = pages.findAll().stream().collect(java.util.stream.Collectors.groupingBy(Page::market,
                java.util.stream.Collectors.mapping(Page::pageKey, java.util.stream.Collectors.toList())));
        return markets.all().stream().map(market -> {
            var site = sites.findById(market.country()).orElseGet(() -> newSite(market.country()));
            var languages = market.supportedLocales().stream().map(java.util.Locale::getLanguage).distinct().toList();
            return new SiteSummary(market.country(), site.zone().getId(), site.defaultLanguage(), languages,
                    pagesByMarket.getOrDefault(market.country(), List.of()).stream().sorted().toList());
        }).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PageContents> contents(String market, String pageKey) {
        var site = sites.findById(market).orElse(null);
        var page = site == null ? null : pages.findByMarketAndPageKey(market, pageKey).orElse(null);
        if (page == null) {
            return Optional.empty();
        }
        var corners = page.template().corners();
        var items = page.items().stream()
                .sorted(Comparator.<PageItem>comparingInt(item -> corners.indexOf(item.corner())).thenComparing(ORDER))
                .map(item -> new PageContents.ScheduledItem(item.id(), item.corner(), item.language(), item.priority(),
                        site.local(item.startsAt()), site.local(item.endsAt()), item.content()))
                .toList();
        return Optional.of(new PageContents(market, pageKey, page.template(), site.zone().getId(), page.version(),
                corners, items));
    }

    @Override
    public Optional<UUID> reschedule(UUID itemId, long version, String corner, String language, int priority,
            @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, ItemContent content) {
        var page = pages.findByItem(itemId).orElse(null);
        if (page == null) {
            return Optional.empty();
        }
        if (page.version() != version) {
            throw new StalePageException(page.market(), page.pageKey());
        }
        var site = sites.findById(page.market()).orElseThrow();
        var before = page.items().stream().filter(item -> item.id().equals(itemId)).findFirst()
                .map(item -> audited(page, item)).orElse(null);
        page.remove(itemId);
        var item = page.add(new PageItem(corner, language, priority, site.instant(startsAt), site.instant(endsAt),
                sanitized(content)));
        // the version check above and Hibernate's on flush: an edit racing this one fails instead of both landing
        pages.save(page);
        audit.record("cms.item.reschedule", "cms:" + page.market() + "/" + page.pageKey() + "/" + itemId, before,
                audited(page, item));
        events.publishEvent(SiteContentChanged.of(page.market(), clock.instant()));
        return Optional.of(item.id());
    }

    private static ItemContent sanitized(ItemContent content) {
        return content instanceof ItemContent.Html(var html) ? new ItemContent.Html(HtmlAllowList.sanitize(html))
                : content;
    }

    @Override
    public boolean withdraw(UUID itemId) {
        return pages.findByItem(itemId).map(page -> {
            var before = page.items().stream().filter(item -> item.id().equals(itemId)).findFirst()
                    .map(item -> audited(page, item)).orElse(null);
            page.remove(itemId);
            pages.save(page);
            audit.record("cms.item.withdraw", "cms:" + page.market() + "/" + page.pageKey() + "/" + itemId, before,
                    null);
            events.publishEvent(SiteContentChanged.of(page.market(), clock.instant()));
            return true;
        }).orElse(false);
    }

    /** An item as the audit trail keeps it. */
    private static java.util.Map<String, Object> audited(Page page, PageItem item) {
        var view = new java.util.LinkedHashMap<String, Object>();
        view.put("market", page.market());
        view.put("page", page.pageKey());
        view.put("corner", item.corner());
        view.put("language", item.language());
        view.put("priority", item.priority());
        view.put("startsAt", item.startsAt());
        view.put("endsAt", item.endsAt());
        view.put("content", item.content());
        return view;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> nextScheduledChange(Instant after) {
        return pages.nextScheduledChange(after);
    }

    /** A site for a market the shop sells to, in the market's zone, falling back to its default language. */
    Site newSite(String market) {
        var known = markets.find(market)
                .orElseThrow(() -> new IllegalArgumentException("Not a market of this shop: " + market));
        return new Site(market, known.zone(), known.defaultLocale().getLanguage());
    }

    private @Nullable Block block(PageItem item, String market, String language) {
        return switch (item.content()) {
            case ItemContent.Banner banner -> new ResolvedPage.Banner(item.id(), item.language(), item.priority(),
                    banner.image(), banner.link(), banner.alt().getOrDefault(language,
                            banner.alt().getOrDefault("en", "")));
            case ItemContent.ProductList list -> {
                var products = products(list, market, language);
                yield products.isEmpty() ? null
                        : new ResolvedPage.Products(item.id(), item.language(), item.priority(), list.title(), products);
            }
            case ItemContent.Html html -> new ResolvedPage.Html(item.id(), item.language(), item.priority(),
                    HtmlAllowList.sanitize(html.html()));
            case ItemContent.Text text -> new ResolvedPage.Text(item.id(), item.language(), item.priority(),
                    text.text());
            case ItemContent.HotDeal deal -> {
                var sku = Sku.parseOrNull(deal.sku());
                var product = sku == null ? List.<ProductView>of() : catalog.findForShoppers(List.of(sku), market, language);
                yield product.isEmpty() ? null
                        : new ResolvedPage.HotDeal(item.id(), item.language(), item.priority(), deal.title(),
                                product.getFirst());
            }
        };
    }

    private List<ProductView> products(ItemContent.ProductList list, String market, String language) {
        return switch (list.rule()) {
            case MANUAL -> manual(list.skus(), market, language, list.limit());
            case BEST_SELLERS -> manual(properties.bestSellers().getOrDefault(market, List.of()), market, language,
                    list.limit());
            case CATEGORY, BRAND -> {
                var hits = search.search(new ProductSearch.Request(market, language, "",
                        list.rule() == ItemContent.Rule.CATEGORY ? list.value() : null,
                        list.rule() == ItemContent.Rule.BRAND ? list.value() : null, null, null,
                        ProductSearch.Sort.NEWEST, 1)).hits();
                yield hits.subList(0, Math.min(list.limit(), hits.size()));
            }
        };
    }

    private List<ProductView> manual(List<String> skus, String market, String language, int limit) {
        var parsed = skus.stream().map(Sku::parseOrNull).filter(Objects::nonNull).toList();
        var found = catalog.findForShoppers(parsed, market, language);
        return found.subList(0, Math.min(limit, found.size()));
    }
}
