package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.catalog.media.*;
import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import java.time.Instant;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Image upload through the admin API, storage under the media directory, serving, and the product page. */
class ProductImagesIntegrationTests extends CatalogTestSupport {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Path MEDIA = Path.of("target/media-it");

    @Autowired
    MockMvc mvc;

    @Autowired
    Products products;

    @Autowired
    ProductCatalog catalog;

    private String published() {
        var sku = "HS-IT-IMG-" + SEQUENCE.incrementAndGet();
        products.save(new Product(new Sku(sku), "Image Brand", new BigDecimal("12000"), "KRW", NOW)
                .translate("en", new ProductTranslation("Image test " + sku, "With a picture"), NOW)
                .offer("SG", new MarketOffer("SGD", new BigDecimal("12.90")), NOW)
                .submit(new Operator("editor"), NOW)
                .approve(new Operator("reviewer"), NOW).publish(new Operator("reviewer"), NOW));
        return sku;
    }

    private static MockHttpServletRequestBuilder upload(String sku, byte[] bytes) {
        return post("/api/admin/products/{sku}/images", sku).header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN")
                .header("X-Onshore-Operator", "photographer").contentType("application/octet-stream").content(bytes);
    }

    private long storedFiles() throws Exception {
        try (var files = Files.list(MEDIA)) {
            return files.count();
        }
    }

    @Test
    void anUploadedImageIsStoredByItsHashServedForAYearAndShownWithAltTextAndSize() throws Exception {
        var sku = published();
        var png = PlaceholderImages.bottle("Image test " + sku);

        var location = mvc.perform(upload(sku, png).param("alt.en", "Bottle of " + sku)
                        .param("alt.id", "Botol " + sku))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.url").value(matchesPattern("/media/[0-9a-f]{64}\\.png")))
                .andExpect(jsonPath("$.width").value(480)).andExpect(jsonPath("$.height").value(480))
                .andReturn().getResponse().getHeader("Location");

        assertThat(Files.readAllBytes(MEDIA.resolve(location.substring("/media/".length())))).isEqualTo(png);
        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", allOf(containsString("max-age=31536000"),
                        containsString("public"), containsString("immutable"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(png));
        mvc.perform(get("/en-sg/p/" + sku)).andExpect(status().isOk()).andExpect(content().string(containsString(
                "src=\"" + location + "\" alt=\"Bottle of " + sku + "\" width=\"480\" height=\"480\"")));
        assertThat(catalog.findForShopper(new Sku(sku), "SG", "id").orElseThrow().images().getFirst().alt())
                .isEqualTo("Botol " + sku);

        // The same bytes again: one file, one image, the texts replaced.
        var files = storedFiles();
        mvc.perform(upload(sku, png).param("alt.en", "Front of the bottle")).andExpect(status().isCreated());
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(products.findBySku(sku).orElseThrow().images()).singleElement()
                .satisfies(image -> assertThat(image.altIn("en")).isEqualTo("Front of the bottle"));

        var name = location.substring("/media/".length());
        var second = PlaceholderImages.bottle("Second " + sku);
        var secondName = MediaStore.nameOf(second, ImageFormat.PNG);
        mvc.perform(upload(sku, second).param("alt.en", "Label")).andExpect(status().isCreated());
        mvc.perform(put("/api/admin/products/{sku}/images/{file}/main", sku, secondName)
                .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN").header("X-Onshore-Operator", "photographer"))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/admin/products/{sku}/images/{file}", sku, name)
                .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN").header("X-Onshore-Operator", "photographer"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/admin/products/{sku}/images", sku).header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN"))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].url").value("/media/" + secondName));
    }

    @Test
    void anythingButAPngJpegOrWebpWithinTheLimitIsRefusedAndNothingIsStored() throws Exception {
        var sku = published();
        var files = storedFiles();
        var gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);
        var html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        for (var bytes : new byte[][] {gif, html}) {
            mvc.perform(upload(sku, bytes).contentType("image/png").param("alt.en", "Looks like a PNG"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-input"))
                    .andExpect(jsonPath("$.errors[0].field").value("file"))
                    .andExpect(jsonPath("$.errors[0].code").value("format"));
        }
        var tooLarge = Arrays.copyOf(PlaceholderImages.bottle("large"), 5 * 1024 * 1024 + 1);
        mvc.perform(upload(sku, tooLarge).param("alt.en", "Large")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("tooLarge"));
        mvc.perform(upload(sku, PlaceholderImages.bottle("no text")).param("alt.id", "Botol")
                        .param("alt.xx", "?").param("alt.ko", "x".repeat(251)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("alt.en",
                        "alt.xx", "alt.ko")));
        mvc.perform(upload(sku, PlaceholderImages.bottle("anonymous")).header("X-Onshore-Operator", "")
                .param("alt.en", "x")).andExpect(status().isBadRequest());
        mvc.perform(upload("HS-NO-SUCH-PRODUCT", PlaceholderImages.bottle("x")).param("alt.en", "x"))
                .andExpect(status().isNotFound());

        assertThat(storedFiles()).isEqualTo(files);
        assertThat(products.findBySku(sku).orElseThrow().images()).isEmpty();
    }

    @Test
    void onlyNamesTheMediaStoreGivesAreServed() throws Exception {
        mvc.perform(get("/media/" + "0".repeat(64) + ".png")).andExpect(status().isNotFound());
        mvc.perform(get("/media/application.yml")).andExpect(status().isNotFound());
        mvc.perform(get("/media/..%2F..%2Fpom.xml")).andExpect(result -> assertThat(result.getResponse().getStatus())
                .isIn(400, 404));
    }

    @Test
    void demoProductsShowAGeneratedPlaceholderWithTheirNameAsAltText() throws Exception {
        mvc.perform(get("/id-id/p/HS-VITC-1000")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("alt=\"Vitamin C 1000 mg\""),
                        containsString("width=\"480\" height=\"480\""))));
        mvc.perform(get("/ko-kr/p/HS-VITC-1000")).andExpect(content().string(containsString("alt=\"비타민C 1000mg\"")));
    }

    @Test
    void twoDemoProductsOfOneBrandShowImagesOfTheirOwn() throws Exception {
        var vitaminC = mainImage("HS-VITC-1000");
        var ginseng = mainImage("HS-REDGINSENG-30");
        assertThat(products.findBySku("HS-VITC-1000").orElseThrow().brand())
                .isEqualTo(products.findBySku("HS-REDGINSENG-30").orElseThrow().brand());

        var vitaminCBytes = mvc.perform(get(vitaminC)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        var ginsengBytes = mvc.perform(get(ginseng)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(vitaminCBytes).isNotEqualTo(ginsengBytes);
        assertThat(ImageFormat.sniff(vitaminCBytes)).hasValueSatisfying(sniffed -> assertThat(sniffed.width())
                .isEqualTo(480));
    }

    @Test
    void aPngIsAlsoServedInNarrowerCopiesForItsSrcsetAndNoOtherWidth() throws Exception {
        var main = mainImage("HS-VITC-1000");
        var stem = main.substring(0, main.length() - ".png".length());
        mvc.perform(get("/en-us/p/HS-VITC-1000")).andExpect(content().string(containsString(
                "srcset=\"" + stem + "-160w.png 160w, " + stem + "-320w.png 320w, " + main + " 480w\"")));

        var narrow = mvc.perform(get(stem + "-160w.png")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", containsString("immutable")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(ImageFormat.sniff(narrow)).hasValueSatisfying(sniffed -> {
            assertThat(sniffed.width()).isEqualTo(160);
            assertThat(sniffed.height()).isEqualTo(160);
        });
        assertThat(narrow.length).isLessThan(mvc.perform(get(main)).andReturn().getResponse()
                .getContentAsByteArray().length);
        mvc.perform(get(stem + "-170w.png")).andExpect(status().isNotFound());
        mvc.perform(get(stem + "-160w.jpg")).andExpect(status().isNotFound());
        mvc.perform(get("/media/" + "0".repeat(64) + "-160w.png")).andExpect(status().isNotFound());
    }

    @Test
    void listPagesShowAThumbnailWithWidthAndHeightOnEveryCard() throws Exception {
        for (var page : java.util.List.of("/en-us/", "/en-us/c/health", "/en-us/search?q=vitamin", "/id-id/",
                "/ko-kr/c/health.vitamins")) {
            var html = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            var cards = java.util.regex.Pattern.compile("<li class=\"product\"").matcher(html).results().count();
            var images = java.util.regex.Pattern.compile("<img [^>]*>").matcher(html).results()
                    .map(java.util.regex.MatchResult::group).toList();
            var thumbnails = images.stream().filter(tag -> tag.contains("class=\"thumb\"")).toList();
            assertThat(cards).as(page).isPositive();
            assertThat(thumbnails).as(page).hasSize((int) cards);
            assertThat(images).as(page).allSatisfy(tag -> assertThat(tag).matches(
                    "(?s).* width=\"[1-9][0-9]*\".*").matches("(?s).* height=\"[1-9][0-9]*\".*"));
            assertThat(thumbnails).as(page).allSatisfy(tag -> assertThat(tag).contains("srcset=\"")
                    .contains("sizes=\"8rem\""));
            // The first card's thumbnail may be the largest paint (Lighthouse's lcp-lazy-loaded): never lazy. The
            // rest of a listing loads lazily (a home page starts each of its lists so).
            assertThat(thumbnails.getFirst()).as(page).contains("fetchpriority=\"high\"").doesNotContain("loading=");
            if (!page.endsWith("/")) {
                assertThat(thumbnails.subList(1, thumbnails.size())).as(page).allSatisfy(tag -> assertThat(tag)
                        .contains("loading=\"lazy\"").doesNotContain("fetchpriority"));
                // Each demo SKU has an image of its own: no two cards of a listing share a thumbnail (a home page
                // may show one product in two of its lists).
                assertThat(thumbnails.stream().map(tag -> tag.replaceAll("(?s).*\\bsrc=\"([^\"]+)\".*", "$1")))
                        .as(page).doesNotHaveDuplicates();
            }
        }
    }

    private String mainImage(String sku) throws Exception {
        var html = mvc.perform(get("/en-us/p/" + sku)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var matcher = java.util.regex.Pattern.compile("<figure class=\"product-image\">\\s*<img [^>]*?\\bsrc=\"(/media/[0-9a-f]{64}\\.png)\"")
                .matcher(html);
        assertThat(matcher.find()).as(sku + " shows an image").isTrue();
        return matcher.group(1);
    }
}
