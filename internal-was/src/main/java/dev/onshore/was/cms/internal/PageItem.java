package dev.onshore.was.cms.internal;

import dev.onshore.was.cms.ItemContent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** One item in a corner of a page: for one language (or every one), with a priority and a window. */
@Entity
@Table(name = "cms_item")
class PageItem {

    static final String EVERY_LANGUAGE = "*";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}|\\*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    private UUID id;

    @Column(nullable = false, length = 40)
    private String corner;

    @Column(nullable = false, length = 20)
    private String language;

    @Column(nullable = false)
    private int priority;

    @Column(name = "starts_at")
    private @Nullable Instant startsAt;

    @Column(name = "ends_at")
    private @Nullable Instant endsAt;

    @Column(nullable = false, columnDefinition = "longtext")
    private String content;

    protected PageItem() {
        // for JPA
    }

    PageItem(String corner, String language, int priority, @Nullable Instant startsAt, @Nullable Instant endsAt,
            ItemContent content) {
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("An item's language is a language code or *: " + language);
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("An item's window ends after it starts");
        }
        this.id = UUID.randomUUID();
        this.corner = corner;
        this.language = language;
        this.priority = priority;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.content = JSON.writeValueAsString(content);
    }

    UUID id() {
        return id;
    }

    String corner() {
        return corner;
    }

    String language() {
        return language;
    }

    int priority() {
        return priority;
    }

    @Nullable
    Instant startsAt() {
        return startsAt;
    }

    @Nullable
    Instant endsAt() {
        return endsAt;
    }

    ItemContent content() {
        return JSON.readValue(content, ItemContent.class);
    }

    /** Shown at {@code at}: started (inclusive) and not yet ended (exclusive). */
    boolean liveAt(Instant at) {
        return (startsAt == null || !at.isBefore(startsAt)) && (endsAt == null || at.isBefore(endsAt));
    }
}
