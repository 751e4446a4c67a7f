package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.was.catalog.media.*;
import dev.onshore.was.catalog.Sku;
import java.time.Instant;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ProductImagesUnitTests {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static byte[] riff(String chunk, int... payload) {
        var bytes = new byte[40];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        bytes[4] = 32;
        System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 4);
        System.arraycopy(chunk.getBytes(StandardCharsets.US_ASCII), 0, bytes, 12, 4);
        bytes[16] = 20;
        for (int i = 0; i < payload.length; i++) {
            bytes[20 + i] = (byte) payload[i];
        }
        return bytes;
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    private static String name(char c, String extension) {
        return String.valueOf(c).repeat(64) + "." + extension;
    }

    @Test
    void recognizesPngJpegAndWebpByTheirBytesAndReadsTheirSize() throws Exception {
        assertThat(ImageFormat.sniff(PlaceholderImages.bottle("Hanbit Health")))
                .contains(new ImageFormat.Sniffed(ImageFormat.PNG, 480, 480));
        assertThat(ImageFormat.sniff(jpeg(64, 32))).contains(new ImageFormat.Sniffed(ImageFormat.JPEG, 64, 32));
        // Lossless: 14-bit width-1 and height-1 after the 0x2F signature.
        int bits = 99 | 49 << 14;
        assertThat(ImageFormat.sniff(riff("VP8L", 0x2F, bits & 0xFF, bits >> 8 & 0xFF, bits >> 16 & 0xFF, 0)))
                .contains(new ImageFormat.Sniffed(ImageFormat.WEBP, 100, 50));
        // Extended: 24-bit canvas width-1 and height-1.
        assertThat(ImageFormat.sniff(riff("VP8X", 0, 0, 0, 0, 0x2B, 0x01, 0, 0xC7, 0, 0)))
                .contains(new ImageFormat.Sniffed(ImageFormat.WEBP, 300, 200));
        // Lossy: the frame start code, then 14-bit width and height.
        assertThat(ImageFormat.sniff(riff("VP8 ", 0, 0, 0, 0x9D, 0x01, 0x2A, 0x40, 0x01, 0xF0, 0x00)))
                .contains(new ImageFormat.Sniffed(ImageFormat.WEBP, 320, 240));
    }

    @Test
    void refusesEverythingElseWhateverItIsCalled() throws Exception {
        var png = PlaceholderImages.bottle("Hanbit Health");
        for (var bytes : new byte[][] {"GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8),
                "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), new byte[0],
                Arrays.copyOf(png, 12), Arrays.copyOf(jpeg(8, 8), 4), riff("VP8 ", 1, 2, 3),
                "RIFF\u0000\u0000\u0000\u0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)}) {
            assertThat(ImageFormat.sniff(bytes)).isEmpty();
        }
        var huge = png.clone();
        huge[16] = 0x01; // width 16,777,696
        assertThat(ImageFormat.sniff(huge)).as("larger than any product photo").isEmpty();
    }

    @Test
    void imagesKeepTheirOrderAndNeedAnEnglishAlternativeText() {
        var product = new Product(new Sku("HS-IMG-1"), "Brand", new BigDecimal("1000"), "KRW", NOW);
        var first = new ProductImage(name('a', "png"), 480, 480, 100, Map.of("en", "Bottle", "id", "Botol"));
        var second = new ProductImage(name('b', "jpg"), 640, 480, 100, Map.of("en", "Label"));
        product.addImage(first, NOW).addImage(second, NOW);
        assertThat(product.images()).containsExactly(first, second);
        assertThat(product.makeMainImage(second.fileName(), NOW)).isTrue();
        assertThat(product.images()).containsExactly(second, first);
        product.addImage(new ProductImage(name('a', "png"), 480, 480, 100, Map.of("en", "Bottle, front")), NOW);
        assertThat(product.images()).hasSize(2);
        assertThat(product.images().get(1).altIn("id")).as("replaced, falls back to English").isEqualTo("Bottle, front");
        assertThat(product.removeImage(second.fileName(), NOW)).isTrue();
        assertThat(product.removeImage(second.fileName(), NOW)).isFalse();
        for (int i = 1; product.images().size() < Product.MAX_IMAGES; i++) {
            product.addImage(new ProductImage("%064x.webp".formatted(i), 10, 10, 1, Map.of("en", "x")), NOW);
        }
        assertThatThrownBy(() -> product.addImage(new ProductImage(name('f', "png"), 10, 10, 1, Map.of("en", "x")), NOW))
                .isInstanceOf(IllegalArgumentException.class);

        assertThatThrownBy(() -> new ProductImage(name('a', "png"), 1, 1, 1, Map.of("id", "Botol")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductImage("../../etc/passwd", 1, 1, 1, Map.of("en", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductImage(name('a', "gif"), 1, 1, 1, Map.of("en", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductImage(name('a', "png"), 1, 1, 1, Map.of("en", "a\u202Eb")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
