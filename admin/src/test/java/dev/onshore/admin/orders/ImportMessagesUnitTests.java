package dev.onshore.admin.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.junit.jupiter.api.Test;

/** The import's summary reads as a sentence for one order and for many, as Spring formats it for the screens. */
class ImportMessagesUnitTests {

    private static String done(Locale locale, int imported, int before) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages.getMessage("orders.import.done", new Object[] {imported, before, "coupang.xlsx"}, locale);
    }

    @Test
    void oneOrderIsOneOrderAndThousandsAreGrouped() {
        assertThat(done(Locale.ENGLISH, 1, 0))
                .isEqualTo("1 order imported from coupang.xlsx; none imported before and skipped.");
        assertThat(done(Locale.ENGLISH, 2, 1))
                .isEqualTo("2 orders imported from coupang.xlsx; 1 imported before and skipped.");
        assertThat(done(Locale.ENGLISH, 1200, 0)).startsWith("1,200 orders imported");
        assertThat(done(Locale.KOREAN, 1, 0)).isEqualTo(
                "coupang.xlsx에서 주문 1건을 가져왔습니다. 이미 가져온 0건은 건너뛰었습니다.");
    }
}
