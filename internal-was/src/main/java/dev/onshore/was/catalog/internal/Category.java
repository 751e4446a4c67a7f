package dev.onshore.was.catalog.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A node of the 4-level standard category tree (seed 001). Its code is the path of slugs from the top
 * ({@code health.vitamins.vitamin-c}), so a code alone tells its ancestors.
 */
@Entity
@Table(name = "category")
public class Category {

    static final int MAX_DEPTH = 4;
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*){0,3}");

    @Id
    @Column(length = 120)
    private String code;

    @Column(name = "parent_code", length = 120)
    private @Nullable String parentCode;

    @Column(nullable = false)
    private int depth;

    @Column(nullable = false)
    private int position;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "category_translation", joinColumns = @JoinColumn(name = "category_code"))
    @MapKeyColumn(name = "language", length = 20)
    @Column(name = "name", nullable = false, length = 120)
    private Map<String, String> names = new HashMap<>();

    @Version
    @Column(nullable = false)
    private long version;

    protected Category() {
        // for JPA
    }

    public Category(String code, int position) {
        if (code == null || code.length() > 120 || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A category code is 1 to 4 dot-separated slugs: " + code);
        }
        this.code = code;
        var cut = code.lastIndexOf('.');
        this.parentCode = cut < 0 ? null : code.substring(0, cut);
        this.depth = (int) code.chars().filter(c -> c == '.').count() + 1;
        this.position = position;
    }

    static boolean isCode(@Nullable String candidate) {
        return candidate != null && candidate.length() <= 120 && CODE.matcher(candidate).matches();
    }

    public Category name(String language, String name) {
        names.put(language, name);
        return this;
    }

    /** Whether the category has a name of its own in {@code language} (not the English fallback). */
    public boolean isNamedIn(String language) {
        return names.containsKey(language);
    }

    /** Replaces all its names: a language left out has none of its own any more (the English one shows). */
    Category rename(Map<String, String> names) {
        if (!names.containsKey("en")) {
            throw new IllegalArgumentException("A category is always named in English: " + code);
        }
        this.names.clear();
        this.names.putAll(names);
        return this;
    }

    Category moveTo(int position) {
        this.position = position;
        return this;
    }

    /** Its names per language, a copy. */
    Map<String, String> names() {
        return Map.copyOf(names);
    }

    long version() {
        return version;
    }

    String code() {
        return code;
    }

    @Nullable String parentCode() {
        return parentCode;
    }

    int depth() {
        return depth;
    }

    int position() {
        return position;
    }

    String nameIn(String language) {
        var name = names.get(language);
        if (name == null) {
            name = names.getOrDefault("en", code);
        }
        return name;
    }
}
