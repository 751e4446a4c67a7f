package dev.onshore.was.catalog.media;

import dev.onshore.was.catalog.internal.*;
import java.util.Optional;

/**
 * The image types the catalog accepts, recognized by their magic bytes (never by a file name or a declared content
 * type), with the pixel size read from their headers without decoding the image.
 */
public enum ImageFormat {

    PNG("png", "image/png"), JPEG("jpg", "image/jpeg"), WEBP("webp", "image/webp");

    /** Larger than any product photo we would show; also bounds what a decoder downstream is asked to do. */
    static final int MAX_SIDE = 8192;

    /** What the header says. */
    public record Sniffed(ImageFormat format, int width, int height) {
    }

    private final String extension;
    private final String mediaType;

    ImageFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ImageFormat> ofExtension(String extension) {
        for (var format : values()) {
            if (format.extension.equals(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format and size of {@code bytes}; empty unless it is a PNG, JPEG or WebP with a plausible size. */
    public static Optional<Sniffed> sniff(byte[] bytes) {
        Sniffed sniffed = null;
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) && startsWith(bytes, 12, 'I', 'H', 'D', 'R')) {
            sniffed = new Sniffed(PNG, int32(bytes, 16), int32(bytes, 20));
        } else if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            sniffed = jpeg(bytes);
        } else if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            sniffed = webp(bytes);
        }
        return Optional.ofNullable(sniffed).filter(s -> s.width() > 0 && s.height() > 0 && s.width() <= MAX_SIDE
                && s.height() <= MAX_SIDE);
    }

    /** Walks the marker segments to the first start-of-frame, which holds the size. */
    private static Sniffed jpeg(byte[] bytes) {
        int at = 2;
        while (at + 9 < bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return null;
            }
            int length = uint16(bytes, at + 2);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return new Sniffed(JPEG, uint16(bytes, at + 7), uint16(bytes, at + 5));
            }
            if (length < 2) {
                return null;
            }
            at += 2 + length;
        }
        return null;
    }

    private static Sniffed webp(byte[] bytes) {
        if (bytes.length < 30) {
            return null;
        }
        if (startsWith(bytes, 12, 'V', 'P', '8', ' ') && startsWith(bytes, 23, 0x9D, 0x01, 0x2A)) {
            return new Sniffed(WEBP, uint16le(bytes, 26) & 0x3FFF, uint16le(bytes, 28) & 0x3FFF);
        }
        if (startsWith(bytes, 12, 'V', 'P', '8', 'L') && (bytes[20] & 0xFF) == 0x2F) {
            int bits = (bytes[21] & 0xFF) | (bytes[22] & 0xFF) << 8 | (bytes[23] & 0xFF) << 16 | (bytes[24] & 0xFF) << 24;
            return new Sniffed(WEBP, (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
        }
        if (startsWith(bytes, 12, 'V', 'P', '8', 'X')) {
            return new Sniffed(WEBP, uint24le(bytes, 24) + 1, uint24le(bytes, 27) + 1);
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int int32(byte[] b, int at) {
        return b.length < at + 4 ? 0
                : (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static int uint16(byte[] b, int at) {
        return b.length < at + 2 ? 0 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int uint16le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int uint24le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }
}
