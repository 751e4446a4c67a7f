package dev.onshore.was.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class PiiAttributeConverterUnitTests {

    private final PiiCipher cipher = PiiKeys.cipher("2025a", "2025a", PiiKeys.newKey());

    @Test
    void storesPersonalTextEncryptedAndReadsItBack() {
        var converter = converter(cipher);

        var column = converter.convertToDatabaseColumn("+62 812-3456-7890");

        assertThat(column).startsWith("pii1:2025a:").doesNotContain("812");
        assertThat(converter.convertToEntityAttribute(column)).isEqualTo("+62 812-3456-7890");
    }

    @Test
    void keepsNullAsNull() {
        var converter = converter(cipher);

        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void refusesToStorePersonalDataWithoutAKeyFile() {
        var converter = converter(null);

        assertThatThrownBy(() -> converter.convertToDatabaseColumn("Siti Rahayu"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("onshore.accounts.pii.key-file");
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
    }

    private static PiiAttributeConverter converter(PiiCipher cipher) {
        var beans = new StaticListableBeanFactory();
        if (cipher != null) {
            beans.addBean("piiCipher", cipher);
        }
        return new PiiAttributeConverter(beans.getBeanProvider(PiiCipher.class));
    }
}
