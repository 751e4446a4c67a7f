package dev.onshore.was.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * A product's texts in one language. The description is rich text: it is sanitized against an allow-list
 * (formatting, blocks, lists, tables) whenever a translation is made, so what is stored is safe to render.
 */
@Embeddable
public record ProductTranslation(@Column(nullable = false, length = 200) String name,
        @Column(nullable = false, length = 1000) String summary,
        @Column(length = 8000) @Nullable String description,
        @Column(length = 2000) @Nullable String ingredients,
        @Column(name = "usage_text", length = 2000) @Nullable String usage,
        @Column(length = 2000) @Nullable String warnings) {

    private static final PolicyFactory RICH_TEXT = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("br", "hr", "ul", "ol", "li").toFactory());

    public ProductTranslation {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A translation needs a name");
        }
        summary = summary == null ? "" : summary;
        description = description == null || description.isBlank() ? null : sanitize(description);
    }

    public ProductTranslation(String name, String summary) {
        this(name, summary, null, null, null, null);
    }

    static String sanitize(String html) {
        return RICH_TEXT.sanitize(html);
    }

    /** The share (0-100) of the six texts that are filled in. */
    int completeness() {
        var filled = Stream.of(name, summary, description, ingredients, usage, warnings)
                .filter(text -> text != null && !text.isBlank()).count();
        return (int) (filled * 100 / 6);
    }
}
