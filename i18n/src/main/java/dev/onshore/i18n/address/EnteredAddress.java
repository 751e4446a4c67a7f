package dev.onshore.i18n.address;

import java.util.EnumMap;
import org.jspecify.annotations.Nullable;

/**
 * An address as a shopper enters it, one value per field, as the store's forms and JSON bodies name them: a record
 * with these components implements it and gets the one conversion to an {@link Address}. Any value may be missing.
 */
public interface EnteredAddress {

    @Nullable String country();

    @Nullable String recipient();

    @Nullable String organization();

    @Nullable String addressLine1();

    @Nullable String addressLine2();

    @Nullable String district();

    @Nullable String city();

    @Nullable String region();

    @Nullable String postalCode();

    @Nullable String phone();

    /** The address entered; a missing country is an empty one, which validation refuses. Never null. */
    default Address toAddress() {
        var fields = new EnumMap<AddressField, String>(AddressField.class);
        fields.put(AddressField.RECIPIENT, recipient());
        fields.put(AddressField.ORGANIZATION, organization());
        fields.put(AddressField.ADDRESS_LINE1, addressLine1());
        fields.put(AddressField.ADDRESS_LINE2, addressLine2());
        fields.put(AddressField.DISTRICT, district());
        fields.put(AddressField.CITY, city());
        fields.put(AddressField.REGION, region());
        fields.put(AddressField.POSTAL_CODE, postalCode());
        fields.put(AddressField.PHONE, phone());
        var country = country();
        return new Address(country == null ? "" : country, fields);
    }
}
