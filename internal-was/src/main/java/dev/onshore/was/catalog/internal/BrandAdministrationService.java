package dev.onshore.was.catalog.internal;

import dev.onshore.was.audit.AuditTrail;
import dev.onshore.was.catalog.BrandAdministration;
import dev.onshore.was.catalog.BrandChanged;
import dev.onshore.was.catalog.BrandFaces;
import dev.onshore.was.catalog.InputViolation;
import dev.onshore.was.catalog.InvalidBrandException;
import dev.onshore.was.catalog.ProductMedia;
import dev.onshore.was.catalog.ProductStatus;
import dev.onshore.was.catalog.StaleBrandException;
import dev.onshore.was.catalog.UnknownBrandException;
import dev.onshore.was.catalog.media.ImageFormat;
import dev.onshore.was.catalog.media.MediaStore;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' brands: renames and profiles. A rename goes through each product (not one bulk UPDATE), so that every
 * product's version moves (an operator editing one meanwhile is told it changed), its search document is rewritten
 * and the storefront's pages drop the old name: each product announces a {@code ProductChanged} when it is saved.
 * Profile changes announce a {@link BrandChanged}, which drops every node's rendered pages.
 */
@Service
@Transactional
class BrandAdministrationService implements BrandAdministration, BrandFaces {

    /** The languages a brand can be named in: those product images have texts in. */
    static final java.util.Set<String> LANGUAGES = ProductImage.LANGUAGES;

    /** What the audit trail keeps of a brand before and after a rename. */
    record Snapshot(String name, List<String> skus) {
    }

    private final Products products;
    private final BrandProfiles profiles;
    private final MediaStore media;
    private final ProductMedia limits;
    private final AuditTrail audit;
    private final EntityManager entities;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BrandAdministrationService(Products products, BrandProfiles profiles, MediaStore media, ProductMedia limits,
            AuditTrail audit, EntityManager entities, ApplicationEventPublisher events, Clock clock) {
        this.products = products;
        this.profiles = profiles;
        this.media = media;
        this.limits = limits;
        this.audit = audit;
        this.entities = entities;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<BrandSummary> brands() {
        var counts = new TreeMap<String, Map<ProductStatus, Long>>();
        for (var row : products.countByBrandAndStatus()) {
            counts.computeIfAbsent((String) row[0], name -> new EnumMap<>(ProductStatus.class))
                    .merge((ProductStatus) row[1], ((Number) row[2]).longValue(), Long::sum);
        }
        var all = profiles.all();
        return counts.entrySet().stream().map(brand -> {
            var profile = all.get(brand.getKey());
            return BrandSummary.of(brand.getKey(), brand.getValue(), profile == null ? null : url(profile.logo()),
                    profile == null ? List.of() : List.copyOf(profile.texts().keySet()));
        }).toList();
    }

    @Override
    public BrandRenamed rename(String name, BrandRename rename) {
        var renamed = carriers(name);
        var to = rename.name() == null ? "" : rename.name().strip();
        var violations = new ArrayList<InputViolation>();
        if (to.isEmpty()) {
            violations.add(new InputViolation("name", "required"));
        } else if (to.length() > MAX_NAME) {
            violations.add(new InputViolation("name", "tooLong"));
        } else if (to.equals(name)) {
            violations.add(new InputViolation("name", "unchanged"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidBrandException(violations);
        }
        // Compared exactly: the database's collation may take "Hanbit health" for "Hanbit Health", which is the
        // very typo a rename corrects, not a brand to merge with.
        var merged = products.findByBrandOrderBySku(to).stream().anyMatch(product -> product.brand().equals(to));
        var skus = renamed.stream().map(product -> product.sku().value()).toList();
        var now = clock.instant();
        for (var product : renamed) {
            product.rebrand(to, now);
        }
        products.saveAll(renamed);
        entities.flush();
        carryProfile(name, to);
        audit.record("brand.rename", "brand:" + name, new Snapshot(name, skus), new Snapshot(to, skus));
        events.publishEvent(BrandChanged.of(to, now));
        return new BrandRenamed(name, to, renamed.size(), merged);
    }

    /**
     * The renamed brand's profile goes with it. Into a brand that has a profile, only what that one lacks: the logo
     * when it has none, the texts of languages it has none in.
     */
    private void carryProfile(String from, String to) {
        var source = profiles.lock(from).orElse(null);
        if (source == null) {
            return;
        }
        var target = profiles.lock(to).orElse(null);
        if (target == null) {
            profiles.rename(from, to);
            return;
        }
        var texts = new TreeMap<>(source.texts());
        texts.putAll(target.texts());
        var keepsLogo = target.logo() != null;
        profiles.delete(from);
        profiles.save(new BrandProfiles.Row(to, target.version() + 1, keepsLogo ? target.logo() : source.logo(),
                keepsLogo ? target.logoWidth() : source.logoWidth(),
                keepsLogo ? target.logoHeight() : source.logoHeight(), texts), clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public BrandProfile profile(String name) {
        carriers(name);
        return view(name, profiles.find(name).orElse(null));
    }

    @Override
    public BrandProfile saveProfile(String name, BrandProfileEdit edit) {
        carriers(name);
        var stored = profiles.lock(name).orElse(null);
        var current = stored == null ? 0 : stored.version();
        var before = view(name, stored);
        if (edit.version() != current) {
            throw new StaleBrandException(edit.version(), before);
        }
        var violations = new ArrayList<InputViolation>();
        var texts = new TreeMap<String, BrandText>();
        (edit.texts() == null ? Map.<String, BrandText>of() : edit.texts()).forEach((language, text) -> {
            var field = "texts." + language;
            var displayName = text == null ? "" : strip(text.displayName());
            var description = text == null ? "" : strip(text.description());
            if (!LANGUAGES.contains(language)) {
                violations.add(new InputViolation(field, "unknown"));
                return;
            }
            if (displayName.isEmpty() && description.isEmpty()) {
                return;
            }
            if (displayName.isEmpty()) {
                violations.add(new InputViolation(field + ".displayName", "required"));
            } else if (displayName.length() > MAX_NAME) {
                violations.add(new InputViolation(field + ".displayName", "tooLong"));
            }
            if (description.length() > MAX_DESCRIPTION) {
                violations.add(new InputViolation(field + ".description", "tooLong"));
            }
            texts.put(language, new BrandText(displayName, description.isEmpty() ? null : description));
        });
        if (!violations.isEmpty()) {
            throw new InvalidBrandException(violations);
        }
        var saved = new BrandProfiles.Row(name, current + 1, stored == null ? null : stored.logo(),
                stored == null ? 0 : stored.logoWidth(), stored == null ? 0 : stored.logoHeight(), texts);
        return changed(saved, before, "brand.profile");
    }

    @Override
    public BrandProfile changeLogo(String name, byte[] bytes) {
        carriers(name);
        ImageFormat.Sniffed sniffed = null;
        String problem = null;
        if (bytes.length == 0) {
            problem = "required";
        } else if (bytes.length > maxLogoBytes()) {
            problem = "tooLarge";
        } else {
            sniffed = ImageFormat.sniff(bytes).orElse(null);
            problem = sniffed == null ? "format" : null;
        }
        if (problem != null || sniffed == null) {
            throw new InvalidBrandException(List.of(new InputViolation("file", problem == null ? "format" : problem)));
        }
        // The file first (named by its content, so it can never show another image): a committed row never names a
        // missing file; a rolled-back one leaves a file nothing names, as a removed product image does.
        var file = media.store(bytes, sniffed.format());
        var stored = profiles.lock(name).orElse(null);
        var before = view(name, stored);
        var saved = new BrandProfiles.Row(name, (stored == null ? 0 : stored.version()) + 1, file, sniffed.width(),
                sniffed.height(), stored == null ? Map.of() : stored.texts());
        return changed(saved, before, "brand.logo");
    }

    @Override
    public BrandProfile removeLogo(String name) {
        carriers(name);
        var stored = profiles.lock(name).orElse(null);
        var before = view(name, stored);
        if (stored == null || stored.logo() == null) {
            return before;
        }
        return changed(new BrandProfiles.Row(name, stored.version() + 1, null, 0, 0, stored.texts()), before,
                "brand.logo");
    }

    @Override
    public long maxLogoBytes() {
        return limits.maxImageBytes();
    }

    @Override
    @Transactional(readOnly = true)
    public BrandFace face(String brand, String language) {
        var stored = profiles.find(brand).orElse(null);
        if (stored == null) {
            return new BrandFace(brand, brand, null, null, 0, 0);
        }
        var text = stored.texts().get(language);
        if (text == null) {
            text = stored.texts().get("en");
        }
        return new BrandFace(brand, text == null ? brand : text.displayName(), text == null ? null : text.description(),
                url(stored.logo()), stored.logoWidth(), stored.logoHeight());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(String language) {
        var names = new TreeMap<String, String>();
        profiles.all().forEach((brand, row) -> {
            var text = row.texts().getOrDefault(language, row.texts().get("en"));
            if (text != null) {
                names.put(brand, text.displayName());
            }
        });
        return names;
    }

    private BrandProfile changed(BrandProfiles.Row saved, BrandProfile before, String action) {
        var now = clock.instant();
        profiles.save(saved, now);
        var after = view(saved.name(), saved);
        audit.record(action, "brand:" + saved.name(), before, after);
        events.publishEvent(BrandChanged.of(saved.name(), now));
        return after;
    }

    /** The products that carry exactly {@code name}; refused when there are none. */
    private List<Product> carriers(String name) {
        var carriers = products.findByBrandOrderBySku(name).stream().filter(product -> product.brand().equals(name))
                .toList();
        if (carriers.isEmpty()) {
            throw new UnknownBrandException(name);
        }
        return carriers;
    }

    private static BrandProfile view(String name, BrandProfiles.@Nullable Row row) {
        return row == null ? new BrandProfile(name, 0, null, Map.of())
                : new BrandProfile(name, row.version(), url(row.logo()), row.texts());
    }

    private static @Nullable String url(@Nullable String file) {
        return file == null ? null : "/media/" + file;
    }

    private static String strip(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
