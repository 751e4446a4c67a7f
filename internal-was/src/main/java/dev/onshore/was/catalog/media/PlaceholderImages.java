package dev.onshore.was.catalog.media;

import dev.onshore.was.catalog.internal.*;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The demo's product pictures: a plain supplement bottle drawn in a colour of the brand, generated when the demo
 * catalog loads (no binary files in the repository). The same brand gives the same bytes, hence one file per brand.
 */
public final class PlaceholderImages {

    public static final int SIZE = 480;

    private PlaceholderImages() {
    }

    public static byte[] bottle(String brand) {
        var hue = (brand.hashCode() & 0xFFFF) / (float) 0xFFFF;
        var body = Color.getHSBColor(hue, 0.45f, 0.80f);
        var image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xF3, 0xF6, 0xF5));
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(body.darker());
            g.fillRoundRect(190, 70, 100, 50, 16, 16);
            g.setColor(body);
            g.fillRoundRect(140, 110, 200, 300, 48, 48);
            g.setColor(Color.WHITE);
            g.fillRoundRect(160, 200, 160, 110, 12, 12);
            g.setColor(body.darker());
            g.fillRect(180, 230, 120, 12);
            g.fillRect(180, 260, 80, 10);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
