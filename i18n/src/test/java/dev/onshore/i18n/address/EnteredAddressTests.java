package dev.onshore.i18n.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class EnteredAddressTests {

    /** As a JSON body names the fields. */
    record Form(@Nullable String country, @Nullable String recipient, @Nullable String organization,
            @Nullable String addressLine1, @Nullable String addressLine2, @Nullable String district,
            @Nullable String city, @Nullable String region, @Nullable String postalCode, @Nullable String phone)
            implements EnteredAddress {
    }

    @Test
    void everyFieldEnteredLandsInItsPlaceAndMissingOnesAreLeftOut() {
        var address = new Form(" id ", "Ani Wijaya", null, "Jl. Merdeka No. 1", "", "Sumur Bandung", "Bandung",
                "Jawa Barat", "40115", "+62 812 3456 7890").toAddress();

        assertThat(address.country()).isEqualTo("ID");
        assertThat(address.fields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                AddressField.RECIPIENT, "Ani Wijaya", AddressField.ADDRESS_LINE1, "Jl. Merdeka No. 1",
                AddressField.DISTRICT, "Sumur Bandung", AddressField.CITY, "Bandung", AddressField.REGION,
                "Jawa Barat", AddressField.POSTAL_CODE, "40115", AddressField.PHONE, "+62 812 3456 7890"));
    }

    @Test
    void aMissingCountryIsAnEmptyOneForValidationToRefuse() {
        var address = new Form(null, "Ani", null, null, null, null, null, null, null, null).toAddress();

        assertThat(address.country()).isEmpty();
        assertThat(address.fields()).containsOnlyKeys(AddressField.RECIPIENT);
    }
}
