package dev.onshore.i18n.address;

import static dev.onshore.i18n.address.AddressField.ADDRESS_LINE1;
import static dev.onshore.i18n.address.AddressField.CITY;
import static dev.onshore.i18n.address.AddressField.PHONE;
import static dev.onshore.i18n.address.AddressField.POSTAL_CODE;
import static dev.onshore.i18n.address.AddressField.RECIPIENT;
import static dev.onshore.i18n.address.AddressField.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressFormatsTests {

    final AddressFormats formats = AddressFormats.defaults();

    @Test
    void knowsEveryMarketTheShopShipsTo() {
        for (String country : new String[] {"KR", "ID", "MY", "SG", "US", "CN", "JP", "TH", "VN"}) {
            assertThat(formats.forCountry(country)).as(country).isPresent();
            assertThat(formats.forCountry(country.toLowerCase())).as(country).isPresent();
        }
        assertThat(formats.forCountry("FR")).isEmpty();
        assertThat(formats.forCountry(null)).isEmpty();
    }

    @Test
    void ordersFieldsTheWayEachCountryWritesThem() {
        assertThat(formats.forCountry("KR").orElseThrow().fields())
                .startsWith(RECIPIENT, POSTAL_CODE, REGION, CITY, ADDRESS_LINE1);
        assertThat(formats.forCountry("US").orElseThrow().fields()).containsSubsequence(ADDRESS_LINE1, CITY, REGION,
                POSTAL_CODE);
        assertThat(formats.forCountry("SG").orElseThrow().fields()).doesNotContain(CITY, REGION);
    }

    @ParameterizedTest(name = "{0} postal code \"{1}\" valid: {2}")
    @CsvSource({
        "KR, 03051, true", "KR, 0305, false", "KR, 030511, false",
        "ID, 40115, true", "ID, 4011A, false",
        "MY, 43000, true", "SG, 546080, true", "SG, 54608, false",
        "US, 95014, true", "US, 95014-2083, true", "US, 9501, false",
        "CN, 266033, true", "JP, 154-0023, true", "JP, 1540023, true", "JP, 154-002, false",
        "TH, 10150, true", "VN, 700000, true",
    })
    void checksPostalCodesPerCountry(String country, String postalCode, boolean valid) {
        Address address = complete(country, postalCode);

        assertThat(formats.validate(address).stream().noneMatch(e -> e.field() == POSTAL_CODE)).isEqualTo(valid);
    }

    @Test
    void reportsEachMissingRequiredFieldInFormOrder() {
        var errors = formats.validate(new Address("ID", Map.of(RECIPIENT, "Siti", ADDRESS_LINE1, "  ")));

        assertThat(errors).extracting(AddressError::field).containsExactly(ADDRESS_LINE1, CITY, REGION, POSTAL_CODE,
                PHONE);
        assertThat(errors).allSatisfy(e -> assertThat(e.code()).isEqualTo(AddressError.REQUIRED));
        assertThat(errors.getFirst().messageKey()).isEqualTo("address.error.required");
    }

    @Test
    void rejectsOverlongValuesAndControlCharactersButAcceptsEveryScript() {
        var fields = new EnumMap<>(complete("TH", "10150").fields());
        fields.put(ADDRESS_LINE1, "x".repeat(201));
        fields.put(CITY, "Bangkok\u0000");
        fields.put(REGION, "กรุงเทพมหานคร");

        var errors = formats.validate(new Address("TH", fields));

        assertThat(errors).containsExactly(new AddressError(ADDRESS_LINE1, AddressError.TOO_LONG),
                new AddressError(CITY, AddressError.INVALID_CHARACTERS));
        assertThat(formats.validate(new Address("KR", Map.of(RECIPIENT, "홍길동", POSTAL_CODE, "03051", REGION, "서울특별시",
                CITY, "종로구", ADDRESS_LINE1, "사직로 161", PHONE, "010-1234-5678")))).isEmpty();
    }

    @Test
    void reportsACountryWithoutAFormat() {
        assertThat(formats.validate(new Address("FR", Map.of())))
                .containsExactly(new AddressError(AddressField.COUNTRY, AddressError.UNSUPPORTED_COUNTRY));
    }

    static Address complete(String country, String postalCode) {
        return new Address(country, Map.of(RECIPIENT, "A Shopper", ADDRESS_LINE1, "1 Main Road", CITY, "City",
                REGION, "Region", POSTAL_CODE, postalCode, PHONE, "+1 555 0100"));
    }
}
