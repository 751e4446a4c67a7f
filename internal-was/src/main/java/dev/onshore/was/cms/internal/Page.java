package dev.onshore.was.cms.internal;

import dev.onshore.was.cms.PageTemplate;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** A page of a market's site: a template whose corners hold items. The aggregate guards corner names. */
@Entity
@Table(name = "cms_page")
class Page {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    @Id
    private UUID id;

    @Column(nullable = false, length = 2)
    private String market;

    @Column(name = "page_key", nullable = false, length = 60)
    private String pageKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private PageTemplate template;

    @Version
    private @org.jspecify.annotations.Nullable Long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "page_id", nullable = false)
    private List<PageItem> items = new ArrayList<>();

    protected Page() {
        // for JPA
    }

    Page(String market, String pageKey, PageTemplate template) {
        if (pageKey.length() > 60 || !KEY.matcher(pageKey).matches()) {
            throw new IllegalArgumentException("A page key is a lower-case slug: " + pageKey);
        }
        this.id = UUID.randomUUID();
        this.market = market;
        this.pageKey = pageKey;
        this.template = template;
    }

    String market() {
        return market;
    }

    String pageKey() {
        return pageKey;
    }

    PageTemplate template() {
        return template;
    }

    /** Bumped by every change of the page's items: what an operator's edit must still find. */
    long version() {
        return version == null ? 0 : version;
    }

    List<PageItem> items() {
        return List.copyOf(items);
    }

    PageItem add(PageItem item) {
        if (!template.hasCorner(item.corner())) {
            throw new IllegalArgumentException("Template " + template + " has no corner " + item.corner());
        }
        items.add(item);
        return item;
    }

    boolean remove(UUID itemId) {
        return items.removeIf(item -> item.id().equals(itemId));
    }
}
