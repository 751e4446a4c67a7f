package dev.onshore.was.catalog.internal;

import dev.onshore.was.audit.AuditTrail;
import dev.onshore.was.catalog.CategoryAdministration;
import dev.onshore.was.catalog.CategoryChanged;
import dev.onshore.was.catalog.CategoryInUseException;
import dev.onshore.was.catalog.CategoryTooDeepException;
import dev.onshore.was.catalog.DuplicateCategoryException;
import dev.onshore.was.catalog.InputViolation;
import dev.onshore.was.catalog.InvalidCategoryException;
import dev.onshore.was.catalog.StaleCategoryException;
import dev.onshore.was.catalog.UnknownCategoryException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operators' edits of the category tree, each audited in its transaction and announced as {@link CategoryChanged}. */
@Service
@Transactional
class CategoryAdministrationService implements CategoryAdministration {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int MAX_CODE = 120;
    private static final int MAX_NAME = 120;

    /** What the audit trail keeps of a category before and after a change. */
    record Snapshot(String code, Map<String, String> names, int position) {

        static Snapshot of(Category category) {
            return new Snapshot(category.code(), new TreeMap<>(category.names()), category.position());
        }
    }

    private final Categories categories;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final EntityManager entities;
    private final Clock clock;

    CategoryAdministrationService(Categories categories, AuditTrail audit, ApplicationEventPublisher events,
            EntityManager entities, Clock clock) {
        this.categories = categories;
        this.audit = audit;
        this.events = events;
        this.entities = entities;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CategoryNode> tree() {
        var all = categories.findAllByOrderByDepthAscPositionAsc();
        var counts = new HashMap<String, Long>();
        for (var row : categories.productCounts()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return nodes(null, all, counts);
    }

    @Override
    public CategoryNode add(NewCategory input) {
        var violations = new ArrayList<InputViolation>();
        var parentCode = blankToNull(input.parent());
        Category parent = null;
        if (parentCode != null) {
            parent = categories.findById(parentCode).orElse(null);
            if (parent == null) {
                violations.add(new InputViolation("parent", "unknown"));
            }
        }
        var slug = input.slug() == null ? "" : input.slug().strip();
        var code = parentCode == null ? slug : parentCode + "." + slug;
        if (slug.isEmpty()) {
            violations.add(new InputViolation("slug", "required"));
        } else if (!SLUG.matcher(slug).matches()) {
            violations.add(new InputViolation("slug", "pattern"));
        } else if (code.length() > MAX_CODE) {
            violations.add(new InputViolation("slug", "tooLong"));
        }
        var names = names(input.names(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidCategoryException(violations);
        }
        if (parent != null && parent.depth() >= Category.MAX_DEPTH) {
            throw new CategoryTooDeepException(parent.code());
        }
        if (categories.existsById(code)) {
            throw new DuplicateCategoryException(code);
        }
        var last = categories.siblings(parentCode).stream().mapToInt(Category::position).max().orElse(0);
        var category = categories.save(new Category(code, last + 1).rename(names));
        entities.flush();
        audit.record("category.add", target(code), null, Snapshot.of(category));
        changed(code);
        return node(category);
    }

    @Override
    public CategoryNode change(String code, long version, CategoryChange change) {
        var category = categories.findById(code).orElseThrow(() -> new UnknownCategoryException(code));
        if (category.version() != version) {
            throw new StaleCategoryException(code, version, category.version());
        }
        var violations = new ArrayList<InputViolation>();
        var names = change.names() == null ? null : names(change.names(), violations);
        if (change.position() != null && change.position() < 1) {
            violations.add(new InputViolation("position", "positive"));
        }
        if (change.names() == null && change.position() == null) {
            violations.add(new InputViolation("names", "required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCategoryException(violations);
        }
        var before = new Snapshot(code, new TreeMap<>(category.names()), placeOf(category));
        if (names != null) {
            category.rename(names);
        }
        if (change.position() != null) {
            move(category, change.position());
        }
        entities.flush();
        var after = new Snapshot(code, new TreeMap<>(category.names()), placeOf(category));
        audit.record("category.change", target(code), before, after);
        changed(code);
        return node(category);
    }

    @Override
    public void delete(String code, long version) {
        // Locked first, counted after by locking reads: a product moved into the category by a transaction that
        // commits meanwhile is counted (refused as in use) instead of failing the DELETE on its foreign key.
        var category = categories.lockById(code).orElseThrow(() -> new UnknownCategoryException(code));
        if (category.version() != version) {
            throw new StaleCategoryException(code, version, category.version());
        }
        var products = categories.countProductsCommitted(code);
        var children = categories.countChildrenCommitted(code);
        if (products > 0 || children > 0) {
            throw new CategoryInUseException(code, products, children);
        }
        var before = new Snapshot(code, new TreeMap<>(category.names()), placeOf(category));
        categories.delete(category);
        entities.flush();
        audit.record("category.delete", target(code), before, null);
        changed(code);
    }

    /**
     * Puts the category at {@code place} (from 1, clamped to the last) among its siblings and numbers them all 1 to
     * n: the stored positions of the seeded tree run across levels, an operator's order is per parent.
     */
    private void move(Category category, int place) {
        var siblings = new ArrayList<>(categories.siblings(category.parentCode()));
        siblings.removeIf(sibling -> sibling.code().equals(category.code()));
        siblings.add(Math.min(place, siblings.size() + 1) - 1, category);
        for (int i = 0; i < siblings.size(); i++) {
            var sibling = siblings.get(i);
            if (sibling.position() != i + 1) {
                sibling.moveTo(i + 1);
            }
        }
    }

    /** The category's place among its siblings, from 1. */
    private int placeOf(Category category) {
        var siblings = categories.siblings(category.parentCode());
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i).code().equals(category.code())) {
                return i + 1;
            }
        }
        return siblings.size() + 1;
    }

    /** The names as given without the blank ones; English is required. */
    private static Map<String, String> names(@Nullable Map<String, String> given, List<InputViolation> violations) {
        var names = new TreeMap<String, String>();
        if (given != null) {
            given.forEach((language, name) -> {
                var stripped = name == null ? "" : name.strip();
                if (language == null || !ProductAdministrationService.LANGUAGE.matcher(language).matches()) {
                    violations.add(new InputViolation("names." + language, "pattern"));
                } else if (stripped.length() > MAX_NAME) {
                    violations.add(new InputViolation("names." + language, "tooLong"));
                } else if (!stripped.isEmpty()) {
                    names.put(language, stripped);
                }
            });
        }
        if (!names.containsKey("en") && violations.stream().noneMatch(v -> v.field().equals("names.en"))) {
            violations.add(new InputViolation("names.en", "required"));
        }
        return names;
    }

    private void changed(String code) {
        events.publishEvent(CategoryChanged.of(code, clock.instant()));
    }

    private CategoryNode node(Category category) {
        return new CategoryNode(category.code(), category.parentCode(), category.depth(), placeOf(category),
                category.version(), category.names(), categories.countProducts(category.code()), List.of());
    }

    private static List<CategoryNode> nodes(@Nullable String parentCode, List<Category> all, Map<String, Long> counts) {
        var children = all.stream().filter(category -> java.util.Objects.equals(parentCode, category.parentCode()))
                .sorted(java.util.Comparator.comparingInt(Category::position).thenComparing(Category::code))
                .toList();
        var nodes = new ArrayList<CategoryNode>();
        for (int i = 0; i < children.size(); i++) {
            var category = children.get(i);
            nodes.add(new CategoryNode(category.code(), category.parentCode(), category.depth(), i + 1,
                    category.version(), category.names(), counts.getOrDefault(category.code(), 0L),
                    nodes(category.code(), all, counts)));
        }
        return nodes;
    }

    private static String target(String code) {
        return "category:" + code;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
