package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.InvalidRegulatoryDataException;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.RegulatoryViolation;
import dev.onshore.was.catalog.Sku;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogRulesUnitTests {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    /** {@link #NOW}'s date in the markets' zones (Jakarta, Singapore). */
    private static final LocalDate TODAY = LocalDate.parse("2026-03-01");

    private static Map<String, String> validIndonesia(String expiry) {
        return Map.of("bpomNumber", "POM SI 123456789", "halalCertificate", "ID00110000123450120",
                "halalExpiry", expiry);
    }

    private static Product offeredInIndonesia() {
        return new Product(new Sku("HS-TEST-1"), "Brand", new BigDecimal("10000"), "KRW", NOW)
                .translate("en", new ProductTranslation("Test", "A test"), NOW)
                .offer("ID", new MarketOffer("IDR", new BigDecimal("100000")), NOW)
                .offer("SG", new MarketOffer("SGD", new BigDecimal("10")), NOW);
    }

    @Test
    void indonesiaAcceptsBpomAndHalalDataAndRefusesMalformedOnesFieldByField() {
        assertThat(RegulatorySchemas.of("ID").violations(validIndonesia("2030-01-01"))).isEmpty();
        assertThat(RegulatorySchemas.of("ID").violations(Map.of("bpomNumber", "MD 224510001234", "halalCertificate",
                "ID123", "halalExpiry", "2030-02-30"))).containsExactlyInAnyOrder(
                new RegulatoryViolation("halalCertificate", "pattern"), new RegulatoryViolation("halalExpiry", "date"));
        assertThat(RegulatorySchemas.of("US").violations(Map.of("servingSize", "1 tablet", "servingsPerContainer",
                "-3"))).containsExactlyInAnyOrder(new RegulatoryViolation("servingsPerContainer", "integer"),
                new RegulatoryViolation("supplementFacts", "required"));
        assertThat(RegulatorySchemas.of("CN").violations(Map.of("hsCode", "2106.90.90", "positiveListEntry", "12")))
                .isEmpty();
        assertThat(RegulatorySchemas.of("KR").violations(Map.of())).isEmpty();
    }

    @Test
    void aProductIsSellableOnlyWhenPublishedOfferedAndRegulatoryDataIsValidAndUnexpired() {
        var product = offeredInIndonesia();
        assertThat(product.isSellableIn("SG", TODAY)).as("draft").isFalse();
        product.submit(new Operator("editor"), NOW)
                .approve(new Operator("reviewer"), NOW).publish(new Operator("reviewer"), NOW);
        assertThat(product.isSellableIn("SG", TODAY)).as("SG requires nothing").isTrue();
        assertThat(product.isSellableIn("ID", TODAY)).as("no BPOM data").isFalse();
        assertThat(product.isSellableIn("US", TODAY)).as("not offered").isFalse();
        product.recordRegulatory("ID", validIndonesia("2026-03-01"), NOW);
        assertThat(product.isSellableIn("ID", TODAY)).as("Halal certificate expires today in Jakarta").isFalse();
        product.recordRegulatory("ID", validIndonesia("2026-03-02"), NOW);
        assertThat(product.isSellableIn("ID", TODAY)).isTrue();
        product.offer("ID", new MarketOffer("IDR", new BigDecimal("100000")).withAvailability(Availability.DISCONTINUED), NOW);
        assertThat(product.isSellableIn("ID", TODAY)).as("discontinued").isFalse();
    }

    @Test
    void refusedRegulatoryDataChangesNothing() {
        var product = offeredInIndonesia();
        product.recordRegulatory("ID", validIndonesia("2030-01-01"), NOW);
        assertThatThrownBy(() -> product.recordRegulatory("ID", Map.of("bpomNumber", "x"), NOW))
                .isInstanceOf(InvalidRegulatoryDataException.class);
        assertThat(product.regulatoryIn("ID")).containsEntry("bpomNumber", "POM SI 123456789");
    }

    @Test
    void aSalePriceAppliesOnlyInsideItsWindow() {
        var start = Instant.parse("2026-03-01T00:00:00Z");
        var offer = new MarketOffer("IDR", new BigDecimal("100000")).withSale(new BigDecimal("80000"), start,
                start.plusSeconds(3600));
        assertThat(offer.priceAt(start.minusSeconds(1))).isEqualByComparingTo("100000");
        assertThat(offer.priceAt(start)).isEqualByComparingTo("80000");
        assertThat(offer.priceAt(start.plusSeconds(3600))).isEqualByComparingTo("100000");
        assertThatThrownBy(() -> new MarketOffer("IDR", new BigDecimal("100000")).withSale(new BigDecimal("120000"),
                start, start.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarketOffer("IDR", new BigDecimal("1")).withMaxPerOrder(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void descriptionsAreSanitizedAndCompletenessIsCounted() {
        var text = new ProductTranslation("Name", "Summary",
                "<p onclick=\"x()\">Good <b>stuff</b><script>alert(1)</script><img src=x onerror=y></p>", null, null,
                null);
        assertThat(text.description()).isEqualTo("<p>Good <b>stuff</b></p>");
        assertThat(text.completeness()).isEqualTo(50);
        assertThat(LocalDate.parse("2030-01-01")).isAfter(LocalDate.ofInstant(NOW, java.time.ZoneId.of("Asia/Jakarta")));
    }
}
