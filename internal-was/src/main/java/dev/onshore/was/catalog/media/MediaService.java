package dev.onshore.was.catalog.media;

import dev.onshore.was.audit.AuditTrail;
import dev.onshore.was.catalog.internal.*;
import dev.onshore.was.catalog.InputViolation;
import dev.onshore.was.catalog.InvalidImageException;
import dev.onshore.was.catalog.MediaFile;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductImageView;
import dev.onshore.was.catalog.ProductMedia;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.UnknownProductException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
@Transactional
public class MediaService implements ProductMedia {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    private final Products products;
    private final MediaStore store;
    private final MediaProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;

    MediaService(Products products, MediaStore store, MediaProperties properties, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.audit = audit;
        this.clock = clock;
        this.products = products;
        this.store = store;
        this.properties = properties;
    }

    /**
     * Three steps, so that no pool connection waits on the media directory (a NAS: a slow or stalled one would hold a
     * connection, and the product's row lock, per upload for as long as it takes): the refusals in a short read-only
     * transaction; the file with no transaction open; the image's row and audit row in a second short transaction,
     * which checks the product again.
     * <p>
     * The file comes first and is never deleted here, because a committed row must never name a missing file (a
     * broken image on live pages, and no way back from it): should the row's transaction fail, an unreferenced file
     * remains, as after {@link #removeImage}. That is harmless: its name is its content, so it can never show another
     * image, and the next upload of the same picture (the operator's retry) reuses it. Deleting it instead would race
     * with another upload of the same bytes, which finds the file there and names it in its own row; the opposite order
     * (the row first, the file after it, or a temporary file moved into place after the commit) leaves a row without a
     * file whenever the node stops in between.
     */
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ProductImageView addImage(Sku sku, byte[] bytes, Map<String, String> alt, Operator operator) {
        // A copy: the product's image list is read in the transaction, not after it.
        var images = Objects.requireNonNull(readOnly.execute(status -> List.copyOf(find(sku).images())));
        var violations = new ArrayList<InputViolation>();
        ImageFormat.Sniffed sniffed = null;
        if (bytes.length == 0) {
            violations.add(new InputViolation("file", "required"));
        } else if (bytes.length > properties.maxImageSize().toBytes()) {
            violations.add(new InputViolation("file", "tooLarge"));
        } else {
            sniffed = ImageFormat.sniff(bytes).orElse(null);
            if (sniffed == null) {
                violations.add(new InputViolation("file", "format"));
            }
        }
        var texts = new TreeMap<String, String>();
        alt.forEach((language, text) -> {
            var stripped = text == null ? "" : text.strip();
            if (!ProductImage.LANGUAGES.contains(language)) {
                violations.add(new InputViolation("alt." + language, "unknown"));
            } else if (stripped.length() > ProductImage.MAX_ALT) {
                violations.add(new InputViolation("alt." + language, "tooLong"));
            } else if (!ProductImage.validAlt(stripped)) {
                violations.add(new InputViolation("alt." + language, "pattern"));
            } else {
                texts.put(language, stripped);
            }
        });
        if (!alt.containsKey("en")) {
            violations.add(new InputViolation("alt.en", "required"));
        }
        if (!violations.isEmpty() || sniffed == null) {
            throw new InvalidImageException(violations);
        }
        var name = MediaStore.nameOf(bytes, sniffed.format());
        requireRoom(images, name);
        store.store(bytes, sniffed.format());
        var image = new ProductImage(name, sniffed.width(), sniffed.height(), bytes.length, texts);
        transactions.executeWithoutResult(status -> {
            // Again under the row's transaction: another operator may have added images meanwhile.
            var product = find(sku);
            requireRoom(product.images(), name);
            products.save(product.addImage(image, clock.instant()));
            audit.record("product.image.add", "product:" + sku.value() + "/image:" + name, null, view(image, "en"));
        });
        log.info("{} added image {} ({}x{}) to {}", operator, name, sniffed.width(), sniffed.height(), sku);
        return view(image, "en");
    }

    /** A product full of images takes no other (the same one again replaces its texts). */
    private static void requireRoom(List<ProductImage> images, String name) {
        if (images.size() >= Product.MAX_IMAGES && images.stream().noneMatch(image -> image.fileName().equals(name))) {
            throw new InvalidImageException(List.of(new InputViolation("file", "tooMany")));
        }
    }

    @Override
    public boolean removeImage(Sku sku, String fileName, Operator operator) {
        var product = find(sku);
        var before = images(product);
        if (!product.removeImage(fileName, clock.instant())) {
            return false;
        }
        products.save(product);
        audit.record("product.image.remove", "product:" + sku.value() + "/image:" + fileName, before, images(product));
        log.info("{} removed image {} from {}", operator, fileName, sku);
        return true;
    }

    @Override
    public boolean makeMainImage(Sku sku, String fileName, Operator operator) {
        var product = find(sku);
        var before = images(product);
        if (!product.makeMainImage(fileName, clock.instant())) {
            return false;
        }
        products.save(product);
        audit.record("product.image.main", "product:" + sku.value() + "/image:" + fileName, before, images(product));
        log.info("{} made image {} the main one of {}", operator, fileName, sku);
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProductImageView> images(Sku sku) {
        return find(sku).images().stream().map(image -> view(image, "en")).toList();
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<MediaFile> file(String name) {
        var extension = name.substring(name.lastIndexOf('.') + 1);
        return store.find(name).or(() -> store.findNarrower(name)).flatMap(path -> ImageFormat.ofExtension(extension)
                .map(format -> new MediaFile(path, format.mediaType(), name)));
    }

    @Override
    public long maxImageBytes() {
        return properties.maxImageSize().toBytes();
    }

    public static ProductImageView view(ProductImage image, String language) {
        return new ProductImageView("/media/" + image.fileName(), image.altIn(language), image.width(),
                image.height(), image.alt().values());
    }

    private static List<ProductImageView> images(Product product) {
        return product.images().stream().map(image -> view(image, "en")).toList();
    }

    private Product find(Sku sku) {
        return products.findBySku(sku.value()).orElseThrow(() -> new UnknownProductException(sku.value()));
    }
}
