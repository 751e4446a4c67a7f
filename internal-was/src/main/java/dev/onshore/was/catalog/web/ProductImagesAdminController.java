package dev.onshore.was.catalog.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.catalog.ProductImageView;
import dev.onshore.was.catalog.ProductMedia;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.UnknownProductException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Product images for operators (admin API). An upload is the image itself as the request body (any content type:
 * the type is read from the bytes), with its alternative texts as parameters {@code alt.en}, {@code alt.id}, ...
 */
@RestController
@AdminAccess(OperatorRole.CATALOG_MANAGER)
@RequestMapping("/api/admin/products/{sku}/images")
class ProductImagesAdminController {

    private final ProductMedia media;

    ProductImagesAdminController(ProductMedia media) {
        this.media = media;
    }

    @GetMapping
    List<ProductImageView> list(@PathVariable String sku) {
        return media.images(sku(sku));
    }

    /** 201 with the image's URL, size and texts, or 400 with one error per field and nothing stored. */
    @PostMapping
    ResponseEntity<ProductImageView> upload(@PathVariable String sku, @RequestParam Map<String, String> parameters,
            @RequestHeader(name = CatalogAdminController.OPERATOR_HEADER, required = false) @Nullable String operator,
            HttpServletRequest request) throws IOException {
        var by = CatalogAdminController.operator(operator);
        var product = sku(sku);
        // Never more than the limit plus one byte in memory, whatever Content-Length claims.
        var bytes = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, media.maxImageBytes() + 1));
        var alt = new TreeMap<String, String>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("alt.")) {
                alt.put(name.substring(4), value);
            }
        });
        var image = media.addImage(product, bytes, alt, by);
        return ResponseEntity.created(URI.create(image.url())).body(image);
    }

    /** Makes the image the main one. */
    @PutMapping("/{file}/main")
    ResponseEntity<Void> makeMain(@PathVariable String sku, @PathVariable String file,
            @RequestHeader(name = CatalogAdminController.OPERATOR_HEADER, required = false) @Nullable String operator) {
        var by = CatalogAdminController.operator(operator);
        return media.makeMainImage(sku(sku), file, by) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @DeleteMapping("/{file}")
    ResponseEntity<Void> remove(@PathVariable String sku, @PathVariable String file,
            @RequestHeader(name = CatalogAdminController.OPERATOR_HEADER, required = false) @Nullable String operator) {
        var by = CatalogAdminController.operator(operator);
        return media.removeImage(sku(sku), file, by) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    private static Sku sku(String raw) {
        var sku = Sku.parseOrNull(raw);
        if (sku == null) {
            throw new UnknownProductException(raw);
        }
        return sku;
    }
}
