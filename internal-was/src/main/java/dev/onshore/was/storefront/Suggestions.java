package dev.onshore.was.storefront;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The banner a localized page shows when the edge's suggestion for the shopper (saved choice, Accept-Language, GeoIP:
 * what the bare root would pick) is another page locale. A localized URL always gets the page it names: the shopper
 * is offered the other one, in that one's language, never sent there.
 */
@Component
class Suggestions {

    static final String COUNTRY = "X-Onshore-Suggested-Country";
    static final String LOCALE = "X-Onshore-Suggested-Locale";
    static final String SOURCE = "X-Onshore-Context-Source";

    /**
     * What the banner shows.
     *
     * @param language the suggested page's language ({@code lang} of the banner)
     * @param text the question, in that language
     * @param go the link that saves the suggested choice and opens the same page there
     * @param stay the link that saves the page's own locale as the choice, so the banner stops asking
     */
    public record Suggestion(String language, String text, String go, String goLabel, String stay, String stayLabel) {
    }

    private final StorefrontLocales locales;
    private final MessageSource messages;

    Suggestions(StorefrontLocales locales, MessageSource messages) {
        this.locales = locales;
        this.messages = messages;
    }

    /**
     * @param restFor the path after the locale prefix of the page's equivalent in a locale
     * @return null when the edge suggests nothing (no signal) or suggests the page's own locale
     */
    @Nullable Suggestion forPage(HttpServletRequest request, StorefrontLocale page,
            Function<StorefrontLocale, String> restFor) {
        var tag = request.getHeader(LOCALE);
        if (tag == null) {
            return null;
        }
        var suggested = locales.forShopper(request.getHeader(COUNTRY), tag);
        if (suggested.equals(page)) {
            return null;
        }
        var in = suggested.locale();
        var text = messages.getMessage("suggest.text", new Object[] {
                Locale.of("", suggested.market()).getDisplayCountry(in), in.getDisplayLanguage(in),
                suggested.currency()}, in);
        return new Suggestion(suggested.language(), text,
                ShopperChoices.link(suggested, "/" + suggested.path() + "/" + restFor.apply(suggested)),
                messages.getMessage("suggest.go", null, in),
                ShopperChoices.link(page, "/" + page.path() + "/" + restFor.apply(page)),
                messages.getMessage("suggest.stay", new Object[] {page.locale().getDisplayLanguage(in)}, in));
    }
}
