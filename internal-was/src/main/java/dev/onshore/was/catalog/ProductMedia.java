package dev.onshore.was.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Product images: upload (sniffed by magic bytes, size-limited, stored by content hash), order and removal. */
public interface ProductMedia {

    /**
     * Stores an image and adds it to the product (at the end; the first is the main image).
     *
     * @param alt alternative texts by language; English required
     * @throws InvalidImageException when the bytes are no PNG, JPEG or WebP, too large, or the texts are invalid
     * @throws UnknownProductException when no product has the SKU
     */
    ProductImageView addImage(Sku sku, byte[] bytes, Map<String, String> alt, Operator operator);

    /** Removes the image; false when the product shows no such image. The file stays (other products may use it). */
    boolean removeImage(Sku sku, String fileName, Operator operator);

    /** Makes the image the main one; false when the product shows no such image. */
    boolean makeMainImage(Sku sku, String fileName, Operator operator);

    /** The product's images in display order, with every alternative text. */
    List<ProductImageView> images(Sku sku);

    /**
     * The stored file called {@code name}, or the narrower copy of one so called (see
     * {@link ProductImageView#srcset()}); empty for any other name.
     */
    Optional<MediaFile> file(String name);

    /** Uploads larger than this are refused. */
    long maxImageBytes();
}
