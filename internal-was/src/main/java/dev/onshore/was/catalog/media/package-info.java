/**
 * The catalog's media: product images as uploaded files (format and size sniffed from their bytes, stored under a
 * content-hash name in {@code onshore.media.directory}), served at {@code /media/}, behind
 * {@link dev.onshore.was.catalog.ProductMedia}; and the placeholder images of the demo.
 */
@NullMarked
package dev.onshore.was.catalog.media;

import dev.onshore.was.catalog.internal.*;
import org.jspecify.annotations.NullMarked;
