package dev.onshore.was.catalog;

import java.nio.file.Path;

/** A stored media file, to be served as it is. */
public record MediaFile(Path path, String mediaType, String name) {
}
