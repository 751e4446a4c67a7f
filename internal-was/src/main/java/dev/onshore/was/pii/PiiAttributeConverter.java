package dev.onshore.was.pii;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Stores a personal text attribute encrypted: {@code @Convert(converter = PiiAttributeConverter.class)} on an
 * entity's {@code String} field (a name, an address line, a phone number). Null stays null. The column must hold
 * the encrypted form: {@code VARCHAR} of at least {@code 4 * ceil((utf8 bytes + 28) / 3) + 40} characters.
 * <p>
 * Also the JDBC repositories' way in: {@link #convertToDatabaseColumn} encrypts, {@link #convertToEntityAttribute}
 * decrypts. Public and a bean because Hibernate obtains converters from Spring; the cipher is looked up at first use, so a
 * node without a key file starts (and fails only when it touches personal data).
 */
@Component
@Converter
public class PiiAttributeConverter implements AttributeConverter<@Nullable String, @Nullable String> {

    private final ObjectProvider<PiiCipher> cipher;

    PiiAttributeConverter(ObjectProvider<PiiCipher> cipher) {
        this.cipher = cipher;
    }

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable String attribute) {
        return attribute == null ? null : cipher().encrypt(attribute);
    }

    @Override
    public @Nullable String convertToEntityAttribute(@Nullable String column) {
        return column == null ? null : cipher().decrypt(column);
    }

    /** Whether a key file is configured (personal values can be stored and read). */
    public boolean available() {
        return cipher.getIfAvailable() != null;
    }

    /**
     * Whether a stored value is in the encrypted form, rather than text written in clear before its column was
     * encrypted (what a migration that encrypts existing rows skips). Needs no key.
     */
    public static boolean isEncrypted(String stored) {
        return stored.startsWith(PiiCipher.VERSION + ":");
    }

    /** The blind index of a value (see {@link PiiCipher#blindIndex}); the caller normalizes it first. */
    public String blindIndex(String normalized) {
        return cipher().blindIndex(normalized);
    }

    private PiiCipher cipher() {
        var available = cipher.getIfAvailable();
        if (available == null) {
            throw new PersonalDataUnavailableException();
        }
        return available;
    }
}
