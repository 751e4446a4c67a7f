package dev.onshore.was.catalog.media;

import dev.onshore.was.catalog.internal.*;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * The demo's product pictures, generated when the demo catalog loads (no binary files in the repository): a plain
 * supplement bottle, one per product in a colour of its own with its short name on the label. The same SKU always
 * gives the same bytes, so a restart stores nothing new.
 */
public final class PlaceholderImages {

    public static final int SIZE = 480;

    private static final Color BACKGROUND = new Color(0xF3, 0xF6, 0xF5);

    private PlaceholderImages() {
    }

    /**
     * The bottle of one product: hue, saturation and cap from a hash of its SKU (so two products of one brand differ),
     * {@code label} (a few letters; longer text is cut) printed on it.
     */
    public static byte[] bottle(String sku, String label) {
        var digest = sha256(sku);
        var hue = ((digest[0] & 0xFF) << 8 | (digest[1] & 0xFF)) / (float) 0xFFFF;
        var saturation = 0.35f + (digest[2] & 0xFF) / 255f * 0.3f;
        var body = Color.getHSBColor(hue, saturation, 0.72f);
        return draw(body, (digest[3] & 1) == 0, label.strip().length() > 8 ? label.strip().substring(0, 8) : label.strip());
    }

    /**
     * The bottle earlier demos drew for a whole brand, all products alike. Only to recognize it in an older demo
     * database and replace it with the product's own.
     */
    public static byte[] bottle(String brand) {
        var hue = (brand.hashCode() & 0xFFFF) / (float) 0xFFFF;
        return draw(Color.getHSBColor(hue, 0.45f, 0.80f), false, null);
    }

    /** A brand's demo logo: its initials, white on a rounded badge of a colour from its name, 240 by 96 pixels. */
    public static byte[] logo(String brand) {
        var digest = sha256(brand);
        var hue = ((digest[0] & 0xFF) << 8 | (digest[1] & 0xFF)) / (float) 0xFFFF;
        var initials = new StringBuilder();
        for (var word : brand.strip().split("\\s+")) {
            if (!word.isEmpty() && initials.length() < 3) {
                initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        var image = new BufferedImage(240, 96, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.getHSBColor(hue, 0.55f, 0.55f));
            g.fillRoundRect(0, 0, 240, 96, 28, 28);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 52));
            var metrics = g.getFontMetrics();
            g.drawString(initials.toString(), 120 - metrics.stringWidth(initials.toString()) / 2,
                    48 + metrics.getAscent() / 2 - 8);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static byte[] draw(Color body, boolean wideCap, @Nullable String label) {
        var image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(body.darker());
            if (wideCap) {
                g.fillRoundRect(170, 70, 140, 50, 16, 16);
            } else {
                g.fillRoundRect(190, 70, 100, 50, 16, 16);
            }
            g.setColor(body);
            g.fillRoundRect(140, 110, 200, 300, 48, 48);
            g.setColor(Color.WHITE);
            g.fillRoundRect(160, 200, 160, 110, 12, 12);
            g.setColor(body.darker());
            if (label == null) {
                g.fillRect(180, 230, 120, 12);
                g.fillRect(180, 260, 80, 10);
            } else {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                var size = 44;
                var font = new Font(Font.SANS_SERIF, Font.BOLD, size);
                while (size > 14 && g.getFontMetrics(font).stringWidth(label) > 140) {
                    size -= 2;
                    font = new Font(Font.SANS_SERIF, Font.BOLD, size);
                }
                g.setFont(font);
                var metrics = g.getFontMetrics();
                g.drawString(label, 240 - metrics.stringWidth(label) / 2, 255 + metrics.getAscent() / 2 - 4);
                g.fillRect(190, 285, 100, 6);
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    static byte[] png(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
