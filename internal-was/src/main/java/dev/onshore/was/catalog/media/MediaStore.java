package dev.onshore.was.catalog.media;

import dev.onshore.was.catalog.internal.*;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import dev.onshore.was.catalog.ProductImageView;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
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

    /** A narrower copy of a stored PNG or JPEG: {@code <sha-256 of the original>-<width>w.<ext>}. */
    static final Pattern NARROWER = Pattern.compile("([0-9a-f]{64})-([0-9]{1,4})w\\.(png|jpg)");

    /** Larger originals are served as they are rather than decoded (a decoded 4096² image takes 64 MB). */
    static final long MAX_PIXELS_TO_SCALE = 4096L * 4096L;

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

    /**
     * The narrower copy called {@code name} (one of {@link ProductImageView#SMALLER_WIDTHS}), made from its original
     * on first request and kept next to it; the original itself when it is not wider than asked or too large to
     * decode; empty when the name is not one of a narrower copy or the original does not exist.
     */
    public Optional<Path> findNarrower(String name) {
        var matcher = NARROWER.matcher(name);
        if (!matcher.matches() || !ProductImageView.SMALLER_WIDTHS.contains(Integer.parseInt(matcher.group(2)))) {
            return Optional.empty();
        }
        var target = directory.resolve(name);
        if (Files.isRegularFile(target)) {
            return Optional.of(target);
        }
        var format = ImageFormat.ofExtension(matcher.group(3)).orElseThrow();
        return find(matcher.group(1) + "." + format.extension())
                .map(original -> scaled(original, target, Integer.parseInt(matcher.group(2)), format));
    }

    private Path scaled(Path original, Path target, int width, ImageFormat format) {
        try {
            var bytes = Files.readAllBytes(original);
            var sniffed = ImageFormat.sniff(bytes).orElse(null);
            if (sniffed == null || sniffed.width() <= width
                    || (long) sniffed.width() * sniffed.height() > MAX_PIXELS_TO_SCALE) {
                return original;
            }
            var source = ImageIO.read(original.toFile());
            if (source == null) {
                return original;
            }
            var height = Math.max(1, Math.round(sniffed.height() * (float) width / sniffed.width()));
            var opaque = format == ImageFormat.JPEG || !source.getColorModel().hasAlpha();
            var result = new BufferedImage(width, height, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
            var g = result.createGraphics();
            try {
                // Area averaging: a thumbnail a third of the original's width stays smooth (bilinear would alias).
                g.drawImage(source.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING), 0, 0, null);
            } finally {
                g.dispose();
            }
            var out = new ByteArrayOutputStream();
            if (!ImageIO.write(result, format == ImageFormat.JPEG ? "jpeg" : "png", out)) {
                return original;
            }
            var temporary = Files.createTempFile(directory, ".scale-", ".tmp");
            try {
                Files.write(temporary, out.toByteArray());
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scale " + original + " to " + width + " pixels", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
