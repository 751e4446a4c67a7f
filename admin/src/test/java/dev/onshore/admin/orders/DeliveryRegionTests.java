package dev.onshore.admin.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryRegionTests {

    @Test
    void knownPostalCodesFallInTheirProvinceOrCity() {
        assertThat(DeliveryRegion.ofKoreanPostalCode("04524")).map(DeliveryRegion::code).contains("seoul"); // Jung-gu
        assertThat(DeliveryRegion.ofKoreanPostalCode("13529")).map(DeliveryRegion::code).contains("gyeonggi");
        assertThat(DeliveryRegion.ofKoreanPostalCode("21999")).map(DeliveryRegion::code).contains("incheon");
        assertThat(DeliveryRegion.ofKoreanPostalCode("30103")).map(DeliveryRegion::code).contains("sejong");
        assertThat(DeliveryRegion.ofKoreanPostalCode("48058")).map(DeliveryRegion::code).contains("busan");
        assertThat(DeliveryRegion.ofKoreanPostalCode("61475")).map(DeliveryRegion::code).contains("gwangju");
    }

    @Test
    void jejuAndTheIslandsAreRemoteAndTheMainlandIsNot() {
        assertThat(DeliveryRegion.ofKoreanPostalCode("63309")).hasValue(new DeliveryRegion("jeju", true));
        assertThat(DeliveryRegion.ofKoreanPostalCode("40240")).hasValue(new DeliveryRegion("ulleung", true));
        assertThat(DeliveryRegion.ofKoreanPostalCode("23100")).hasValue(new DeliveryRegion("incheon-islands", true));
        assertThat(DeliveryRegion.ofKoreanPostalCode("06236")).hasValue(new DeliveryRegion("seoul", false));
    }

    @Test
    void theCodeIsFoundInAWholeAddressAndNothingIsGuessedFromBadInput() {
        assertThat(DeliveryRegion.ofKoreanAddress("김민지\n서울특별시 강남구 테헤란로 152\n06236\n+82 10"))
                .map(DeliveryRegion::code).contains("seoul");
        assertThat(DeliveryRegion.ofKoreanAddress("Tel 010-1234-5678")).isEmpty();
        assertThat(DeliveryRegion.ofKoreanPostalCode("1234")).isEmpty();
        assertThat(DeliveryRegion.ofKoreanPostalCode("99999")).isEmpty();
        assertThat(DeliveryRegion.ofKoreanPostalCode(null)).isEmpty();
        assertThat(DeliveryRegion.ofKoreanAddress(null)).isEmpty();
    }
}
