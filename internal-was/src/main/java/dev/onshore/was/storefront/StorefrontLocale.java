package dev.onshore.was.storefront;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The locales the storefront has pages for, as they appear in URLs ({@code /id-id/}): each is a language and the
 * market whose prices it shows. Public only so that templates can read it.
 */
public enum StorefrontLocale {
    EN_US("en-us", "en", "US"),
    KO_KR("ko-kr", "ko", "KR"),
    ID_ID("id-id", "id", "ID"),
    MS_MY("ms-my", "ms", "MY"),
    EN_SG("en-sg", "en", "SG"),
    ZH_CN("zh-cn", "zh", "CN");

    static final StorefrontLocale SITE_DEFAULT = EN_US;

    private final String path;
    private final String language;
    private final String market;

    StorefrontLocale(String path, String language, String market) {
        this.path = path;
        this.language = language;
        this.market = market;
    }

    public String path() {
        return path;
    }

    public String language() {
        return language;
    }

    public String market() {
        return market;
    }

    /** The market's currency code (what the switcher shows beside the language). */
    public String currency() {
        return java.util.Currency.getInstance(locale()).getCurrencyCode();
    }

    public Locale locale() {
        return Locale.of(language, market);
    }

    static Optional<StorefrontLocale> fromPath(String segment) {
        return Arrays.stream(values()).filter(l -> l.path.equalsIgnoreCase(segment)).findFirst();
    }

    /** The best page locale for a BCP 47 tag (the gateway's choice); the site default when none fits. */
    static StorefrontLocale forTag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return SITE_DEFAULT;
        }
        var locale = Locale.forLanguageTag(tag.strip());
        var exact = fromPath(locale.getLanguage() + "-" + locale.getCountry());
        if (exact.isPresent()) {
            return exact.get();
        }
        return Arrays.stream(values()).filter(l -> l.language.equals(locale.getLanguage())).findFirst()
                .orElse(SITE_DEFAULT);
    }
}
