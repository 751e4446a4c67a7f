package dev.onshore.was.catalog.media;

import dev.onshore.was.catalog.internal.*;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Image files under the media directory, named by the SHA-256 of their content: a name never changes meaning (so it
 * may be cached for a year), the same image uploaded twice is stored once, and a name reveals nothing of the
 * uploader's file name. Files are written to a temporary name and moved into place, so a reader on another node
 * never sees half a file.
 */
@Component
public class MediaStore {

    public static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.(png|jpg|webp)");

    private final Path directory;

    MediaStore(MediaProperties properties) {
        this.directory = properties.directory().toAbsolutePath().normalize();
    }

    /** Stores {@code bytes} (already sniffed as {@code format}) and returns their file name. */
    public String store(byte[] bytes, ImageFormat format) {
        var name = nameOf(bytes, format);
        var target = directory.resolve(name);
        if (Files.exists(target)) {
            return name;
        }
        try {
            Files.createDirectories(directory);
            var temporary = Files.createTempFile(directory, ".upload-", ".tmp");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + name + " under " + directory, e);
        }
        return name;
    }

    /** The name {@code bytes} are stored under. */
    public static String nameOf(byte[] bytes, ImageFormat format) {
        return sha256(bytes) + "." + format.extension();
    }

    /** The file called {@code name}, empty unless the name is one this store gives and the file exists. */
    public Optional<Path> find(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        var file = directory.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
