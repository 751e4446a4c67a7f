package dev.onshore.was.markets;

import dev.onshore.i18n.market.Market;
import dev.onshore.i18n.market.Markets;
import dev.onshore.i18n.market.TaxDisplay;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The markets as configured, in order; the first page locale of the storefront is not decided here.
 *
 * @param siteDefault the country whose market a shopper gets when nothing better is known
 * @param list one entry per country, none twice
 */
@Validated
@ConfigurationProperties("onshore.markets")
record MarketsProperties(@NotBlank String siteDefault, @NotEmpty List<@Valid Entry> list) {

    /**
     * One market, as {@link Market#of} reads it.
     *
     * @param rounding {@code standard}, {@code ending:0.99} or {@code up-to:1000}
     */
    record Entry(@NotBlank String country, @NotBlank String defaultLocale, @NotEmpty List<String> locales,
            @NotBlank String currency, @NotBlank String zone, @NotBlank String rounding, @NotNull TaxDisplay taxDisplay) {
    }

    Markets markets() {
        return new Markets(list.stream().map(entry -> Market.of(entry.country(), entry.defaultLocale(),
                entry.locales(), entry.currency(), entry.zone(), entry.rounding(), entry.taxDisplay())).toList(),
                siteDefault);
    }
}
