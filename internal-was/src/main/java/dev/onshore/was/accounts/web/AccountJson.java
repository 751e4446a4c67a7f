package dev.onshore.was.accounts.web;

import dev.onshore.i18n.address.AddressField;
import dev.onshore.i18n.address.EnteredAddress;
import dev.onshore.was.accounts.Profile;
import dev.onshore.was.accounts.SavedAddress;
import org.jspecify.annotations.Nullable;

/** The account API's JSON shapes. */
final class AccountJson {

    private AccountJson() {
    }

    /** The profile; {@code email} is the realm's (changed in the realm's account console, not here). */
    record ProfileJson(@Nullable String email, @Nullable String displayName, @Nullable String phone,
            @Nullable String market, @Nullable String locale, @Nullable String currency, @Nullable String timeZone) {

        static ProfileJson of(Profile profile, @Nullable String email) {
            return new ProfileJson(email, profile.displayName(), profile.phone(), profile.market(),
                    profile.locale() == null ? null : profile.locale().toLanguageTag(),
                    profile.currency() == null ? null : profile.currency().getCurrencyCode(),
                    profile.zone() == null ? null : profile.zone().getId());
        }
    }

    /** What a shopper sends to change the profile; a missing or blank member clears that value. */
    record ProfileChangeJson(@Nullable String displayName, @Nullable String phone, @Nullable String market,
            @Nullable String locale, @Nullable String currency, @Nullable String timeZone) {
    }

    /** An address as checkout takes it, plus {@code preferred} (only read when adding). */
    record AddressJson(@Nullable String country, @Nullable String recipient, @Nullable String organization,
            @Nullable String addressLine1, @Nullable String addressLine2, @Nullable String district,
            @Nullable String city, @Nullable String region, @Nullable String postalCode, @Nullable String phone,
            @Nullable Boolean preferred) implements EnteredAddress {
    }

    record SavedAddressJson(String id, boolean preferred, String country, @Nullable String recipient,
            @Nullable String organization, @Nullable String addressLine1, @Nullable String addressLine2,
            @Nullable String district, @Nullable String city, @Nullable String region, @Nullable String postalCode,
            @Nullable String phone) {

        static SavedAddressJson of(SavedAddress saved) {
            var a = saved.address();
            return new SavedAddressJson(saved.id().toString(), saved.preferred(), a.country(),
                    a.get(AddressField.RECIPIENT), a.get(AddressField.ORGANIZATION), a.get(AddressField.ADDRESS_LINE1),
                    a.get(AddressField.ADDRESS_LINE2), a.get(AddressField.DISTRICT), a.get(AddressField.CITY),
                    a.get(AddressField.REGION), a.get(AddressField.POSTAL_CODE), a.get(AddressField.PHONE));
        }
    }

    /** {@code confirm} must be true: erasure cannot be undone. */
    record ErasureJson(@Nullable Boolean confirm) {
    }

    record ErasedJson(String erasedAt, int addressesDeleted, int ordersAnonymised, boolean identityPending) {
    }
}
