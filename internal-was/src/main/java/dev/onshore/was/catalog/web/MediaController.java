package dev.onshore.was.catalog.web;

import dev.onshore.was.catalog.ProductMedia;
import java.time.Duration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Product images for shoppers. A file's name is the hash of its content, so a response never changes: browsers and
 * the gateway may keep it for a year without asking again. Only names the media store gives are answered.
 */
@RestController
class MediaController {

    private final ProductMedia media;

    MediaController(ProductMedia media) {
        this.media = media;
    }

    @GetMapping("/media/{name}")
    ResponseEntity<Resource> file(@PathVariable String name) {
        return media.file(name).map(file -> ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .eTag(file.name())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .<Resource>body(new FileSystemResource(file.path())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
