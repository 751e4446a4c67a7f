package dev.onshore.i18n.address;

import static dev.onshore.i18n.address.AddressField.ADDRESS_LINE1;
import static dev.onshore.i18n.address.AddressField.ADDRESS_LINE2;
import static dev.onshore.i18n.address.AddressField.CITY;
import static dev.onshore.i18n.address.AddressField.DISTRICT;
import static dev.onshore.i18n.address.AddressField.ORGANIZATION;
import static dev.onshore.i18n.address.AddressField.PHONE;
import static dev.onshore.i18n.address.AddressField.POSTAL_CODE;
import static dev.onshore.i18n.address.AddressField.RECIPIENT;
import static dev.onshore.i18n.address.AddressField.REGION;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The address formats the shop knows, by country. Immutable and thread-safe. */
public final class AddressFormats {

    private final Map<String, AddressFormat> byCountry;

    public AddressFormats(List<AddressFormat> formats) {
        Map<String, AddressFormat> map = new LinkedHashMap<>();
        for (AddressFormat format : formats) {
            if (map.putIfAbsent(format.country(), format) != null) {
                throw new IllegalArgumentException("address format for " + format.country() + " given twice");
            }
        }
        this.byCountry = Map.copyOf(map);
    }

    /** KR, ID, MY, SG, US, CN, JP, TH and VN, after libaddressinput; recipient and phone required everywhere. */
    public static AddressFormats defaults() {
        return new AddressFormats(List.of(
                // 도로명주소: postal code first, then 시/도, 시/군/구, road address, detail.
                AddressFormat.of("KR", "\\d{5}", "03051",
                        List.of(RECIPIENT, POSTAL_CODE, REGION, CITY, ADDRESS_LINE1, ADDRESS_LINE2, PHONE),
                        RECIPIENT, POSTAL_CODE, REGION, CITY, ADDRESS_LINE1, PHONE),
                // Jalan …, kecamatan, kota/kabupaten, provinsi + kode pos.
                smallToLarge("ID", "\\d{5}", "40115", RECIPIENT, ADDRESS_LINE1, CITY, REGION, POSTAL_CODE, PHONE),
                AddressFormat.of("MY", "\\d{5}", "43000",
                        List.of(RECIPIENT, ORGANIZATION, ADDRESS_LINE1, ADDRESS_LINE2, DISTRICT, POSTAL_CODE, CITY,
                                REGION, PHONE),
                        RECIPIENT, ADDRESS_LINE1, POSTAL_CODE, CITY, REGION, PHONE),
                AddressFormat.of("SG", "\\d{6}", "546080",
                        List.of(RECIPIENT, ORGANIZATION, ADDRESS_LINE1, ADDRESS_LINE2, POSTAL_CODE, PHONE),
                        RECIPIENT, ADDRESS_LINE1, POSTAL_CODE, PHONE),
                AddressFormat.of("US", "\\d{5}(?:[ -]\\d{4})?", "95014",
                        List.of(RECIPIENT, ORGANIZATION, ADDRESS_LINE1, ADDRESS_LINE2, CITY, REGION, POSTAL_CODE,
                                PHONE),
                        RECIPIENT, ADDRESS_LINE1, CITY, REGION, POSTAL_CODE, PHONE),
                // Largest to smallest, as Chinese addresses are written.
                AddressFormat.of("CN", "\\d{6}", "266033",
                        List.of(RECIPIENT, POSTAL_CODE, REGION, CITY, DISTRICT, ADDRESS_LINE1, ADDRESS_LINE2,
                                ORGANIZATION, PHONE),
                        RECIPIENT, REGION, CITY, ADDRESS_LINE1, POSTAL_CODE, PHONE),
                AddressFormat.of("JP", "\\d{3}-?\\d{4}", "154-0023",
                        List.of(RECIPIENT, POSTAL_CODE, REGION, CITY, ADDRESS_LINE1, ADDRESS_LINE2, ORGANIZATION,
                                PHONE),
                        RECIPIENT, POSTAL_CODE, REGION, CITY, ADDRESS_LINE1, PHONE),
                smallToLarge("TH", "\\d{5}", "10150", RECIPIENT, ADDRESS_LINE1, CITY, REGION, POSTAL_CODE, PHONE),
                smallToLarge("VN", "\\d{5,6}", "70010", RECIPIENT, ADDRESS_LINE1, CITY, REGION, PHONE)));
    }

    /** Street, district, city, region, postal code: small to large, as Indonesia, Thailand and Vietnam write them. */
    private static AddressFormat smallToLarge(String country, String regex, String example,
                                              AddressField... required) {
        return AddressFormat.of(country, regex, example, List.of(RECIPIENT, ORGANIZATION, ADDRESS_LINE1,
                ADDRESS_LINE2, DISTRICT, CITY, REGION, POSTAL_CODE, PHONE), required);
    }

    /** The format of a country (any case); empty for null or countries the shop does not ship to. */
    public Optional<AddressFormat> forCountry(@Nullable String country) {
        return country == null ? Optional.empty() : Optional.ofNullable(byCountry.get(country.toUpperCase(Locale.ROOT)));
    }

    /** Validates against the address's own country; a country without a format is one error on COUNTRY. */
    public List<AddressError> validate(Address address) {
        return forCountry(address.country()).map(format -> format.validate(address))
                .orElse(List.of(new AddressError(AddressField.COUNTRY, AddressError.UNSUPPORTED_COUNTRY)));
    }
}
