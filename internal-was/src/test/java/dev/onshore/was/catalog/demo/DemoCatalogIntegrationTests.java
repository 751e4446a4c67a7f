package dev.onshore.was.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.catalog.internal.ProductImage;
import dev.onshore.was.catalog.internal.Products;
import dev.onshore.was.catalog.media.ImageFormat;
import dev.onshore.was.catalog.media.MediaStore;
import dev.onshore.was.catalog.media.PlaceholderImages;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/** The demo catalog brings an older demo database up to date, once, and keeps what operators did. */
class DemoCatalogIntegrationTests extends CatalogTestSupport {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Autowired
    DemoCatalog demo;

    @Autowired
    Products products;

    @Autowired
    MediaStore media;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBrandsBottleOfAnOlderDemoIsReplacedByTheProductsOwnOnceKeepingAnOperatorsMainImage() {
        var own = MediaStore.nameOf(PlaceholderImages.bottle("HS-TURMERIC", "TURMERIC"), ImageFormat.PNG);
        var brandBottle = PlaceholderImages.bottle("Glow Lab");
        var brandName = media.store(brandBottle, ImageFormat.PNG);
        var operators = PlaceholderImages.bottle("A photo an operator uploaded");
        var operatorsName = media.store(operators, ImageFormat.PNG);

        // As an older demo left them: the brand's bottle alone; the brand's bottle behind an operator's photo.
        var elderberry = transactions.execute(status -> {
            var alone = products.findBySku("HS-TURMERIC").orElseThrow();
            assertThat(alone.images()).extracting(ProductImage::fileName).containsExactly(own);
            alone.removeImage(own, NOW);
            alone.addImage(image(brandName, brandBottle), NOW);
            var behind = products.findBySku("HS-ELDERBERRY").orElseThrow();
            var itsOwn = behind.images().getFirst().fileName();
            behind.removeImage(itsOwn, NOW);
            behind.addImage(image(operatorsName, operators), NOW);
            behind.addImage(image(brandName, brandBottle), NOW);
            return itsOwn;
        });
        assertThat(products.findBySku("HS-TURMERIC").orElseThrow().images()).extracting(ProductImage::fileName)
                .containsExactly(brandName);

        demo.run(new DefaultApplicationArguments());

        assertThat(products.findBySku("HS-TURMERIC").orElseThrow().images()).extracting(ProductImage::fileName)
                .containsExactly(own);
        assertThat(products.findBySku("HS-ELDERBERRY").orElseThrow().images()).extracting(ProductImage::fileName)
                .containsExactly(operatorsName, elderberry);

        demo.run(new DefaultApplicationArguments());

        assertThat(products.findBySku("HS-ELDERBERRY").orElseThrow().images()).extracting(ProductImage::fileName)
                .containsExactly(operatorsName, elderberry);

        transactions.executeWithoutResult(status -> products.findBySku("HS-ELDERBERRY").orElseThrow()
                .removeImage(operatorsName, NOW));
    }

    @Test
    void aDemoOlderThanTheJapaneseAndThaiStoresGetsTheirTextsAndOffersButAnOperatorsWithdrawalStays() {
        // As a demo from before JP and TH left it: no Japanese or Thai texts, no offer there; and a product an
        // operator took out of Thailand only.
        var zincInThailand = products.findBySku("HS-ZINC-30").orElseThrow().offers().get("TH");
        var ofSku = " AND product_id = (SELECT id FROM product WHERE sku = ?)";
        jdbc.sql("DELETE FROM product_translation WHERE language IN ('ja', 'th')" + ofSku).param("HS-VITD-2000")
                .update();
        jdbc.sql("DELETE FROM product_offer WHERE market IN ('JP', 'TH')" + ofSku).param("HS-VITD-2000").update();
        jdbc.sql("DELETE FROM product_offer WHERE market = 'TH'" + ofSku).param("HS-ZINC-30").update();
        jdbc.sql("DELETE FROM category_translation WHERE category_code = 'health' AND language = 'th'").update();

        demo.run(new DefaultApplicationArguments());

        var updated = products.findBySku("HS-VITD-2000").orElseThrow();
        assertThat(updated.translations().get("ja").name()).isEqualTo("ビタミンD3 2000IU");
        assertThat(updated.translations().get("th").name()).isEqualTo("วิตามินดี 3 2000 IU");
        assertThat(updated.offers().get("JP").listPrice()).isEqualByComparingTo("1780");
        assertThat(updated.offers().get("TH").listPrice()).isEqualByComparingTo("399");
        assertThat(products.findBySku("HS-ZINC-30").orElseThrow().offers()).containsKey("JP").doesNotContainKey("TH");
        assertThat(jdbc.sql("SELECT name FROM category_translation WHERE category_code = 'health' AND language = 'th'")
                .query(String.class).single()).isEqualTo("ผลิตภัณฑ์เสริมอาหาร");

        transactions.executeWithoutResult(status -> products.findBySku("HS-ZINC-30").orElseThrow()
                .offer("TH", zincInThailand, NOW));
    }

    @Test
    void aProductsBottleShowsItsShortNameOrTheInitialsOfALongOne() {
        assertThat(DemoCatalog.label("HS-VITC-1000", products.findBySku("HS-VITC-1000").orElseThrow()))
                .isEqualTo("VITC");
        assertThat(DemoCatalog.label("HS-REDGINSENG-30", products.findBySku("HS-REDGINSENG-30").orElseThrow()))
                .isEqualTo("KRGES");
    }

    private static ProductImage image(String name, byte[] bytes) {
        return new ProductImage(name, PlaceholderImages.SIZE, PlaceholderImages.SIZE, bytes.length,
                Map.of("en", "Bottle"));
    }
}
