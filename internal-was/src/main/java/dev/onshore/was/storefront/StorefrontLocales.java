package dev.onshore.was.storefront;

import dev.onshore.i18n.context.AcceptLanguage;
import dev.onshore.i18n.market.Markets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The page locales of the storefront ({@code onshore.storefront.locales}, the site default first), each bound to
 * the market of its country: the markets themselves are only in the {@link Markets} bean.
 */
@Component
class StorefrontLocales {

    private final List<StorefrontLocale> all;

    StorefrontLocales(StorefrontProperties properties, Markets markets) {
        this.all = properties.locales().stream().map(tag -> {
            var locale = Locale.forLanguageTag(tag);
            var market = markets.find(locale.getCountry()).orElseThrow(() -> new IllegalStateException(
                    "onshore.storefront.locales: " + tag + " names no market of onshore.markets"));
            return new StorefrontLocale(locale.getLanguage(), market);
        }).toList();
    }

    /** Every page locale, the site default first; never empty. */
    List<StorefrontLocale> all() {
        return all;
    }

    StorefrontLocale siteDefault() {
        return all.getFirst();
    }

    /** The page locale of a URL's first segment ({@code id-id}, any case); empty when there is none. */
    Optional<StorefrontLocale> fromPath(String segment) {
        return all.stream().filter(locale -> locale.path().equalsIgnoreCase(segment)).findFirst();
    }

    /** The best page locale for a BCP 47 tag (the gateway's choice); the site default when none fits. */
    StorefrontLocale forTag(@Nullable String tag) {
        return matching(tag).orElse(siteDefault());
    }

    /**
     * The page locale for the first acceptable range of an {@code Accept-Language} header (parsed by the i18n
     * library) that names a language we have pages in; the site default when none does.
     */
    StorefrontLocale forAcceptLanguage(@Nullable String header) {
        for (var range : AcceptLanguage.parse(header).ranges()) {
            if (range.quality() > 0 && !range.isWildcard()) {
                return forTag(range.tag());
            }
        }
        return siteDefault();
    }

    /**
     * The page locale for a shopper's market and language as the gateway resolved them ({@code ID} + {@code en-US}
     * gives {@code en-id}): the market's page in that language, else the market's first page, else the best page for
     * the language alone; the site default when nothing fits. Never null.
     */
    StorefrontLocale forShopper(@Nullable String country, @Nullable String tag) {
        var language = tag == null || tag.length() > 35 ? "" : Locale.forLanguageTag(tag.strip()).getLanguage();
        var market = all.stream().filter(l -> l.market().equalsIgnoreCase(String.valueOf(country))).toList();
        return market.stream().filter(l -> l.language().equals(language)).findFirst()
                .or(() -> market.stream().findFirst())
                .orElseGet(() -> forTag(tag));
    }

    private Optional<StorefrontLocale> matching(@Nullable String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        var locale = Locale.forLanguageTag(tag.strip());
        var exact = fromPath(locale.getLanguage() + "-" + locale.getCountry());
        if (exact.isPresent()) {
            return exact;
        }
        return all.stream().filter(l -> l.language().equals(locale.getLanguage())).findFirst();
    }
}
