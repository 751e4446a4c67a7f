package dev.onshore.was.storefront;

import dev.onshore.i18n.time.ViewerTime;
import dev.onshore.was.hotdeals.HotDealScheduling;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The hot-deal box of a product page, called from its fragment ({@code storefront/hot-deal}) so that the product
 * page needs one line: the deal's window formatted with ICU in the viewer's time zone (the gateway's
 * {@code X-Onshore-TimeZone}, else the market's) and language, and its phase when rendered. The page script ticks
 * the countdown from the ISO instants; without it the shopper reads the start and end.
 */
@Component("hotDealBanners")
public class HotDealBanners {

    /** What the box shows; {@code phase} is {@code upcoming}, {@code live} or {@code sold-out}. */
    public record Banner(String id, String phase, String price, int perCustomerLimit, String startsAt, String endsAt,
            String startsAtIso, String endsAtIso) {
    }

    private final HotDealScheduling deals;
    private final Clock clock;

    HotDealBanners(HotDealScheduling deals, Clock clock) {
        this.deals = deals;
        this.clock = clock;
    }

    /** The product's deal as the viewer sees it, null when it has none announced. */
    public @Nullable Banner forProduct(String sku, StorefrontLocale page) {
        var deal = deals.announcedFor(sku).orElse(null);
        if (deal == null) {
            return null;
        }
        var zone = viewerZone(page);
        var locale = page.locale();
        var now = clock.instant();
        var phase = deal.soldOut() ? "sold-out" : now.isBefore(deal.startsAt()) ? "upcoming" : "live";
        return new Banner(deal.id(), phase,
                PageFrame.format(deal.price(), Currency.getInstance(deal.currency()), locale),
                deal.perCustomerLimit(),
                ViewerTime.format(deal.startsAt(), zone, locale, ViewerTime.DATE_TIME_ZONE),
                ViewerTime.format(deal.endsAt(), zone, locale, ViewerTime.DATE_TIME_ZONE),
                deal.startsAt().toString(), deal.endsAt().toString());
    }

    private static ZoneId viewerZone(StorefrontLocale page) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var header = attributes.getRequest().getHeader("X-Onshore-TimeZone");
            if (header != null && header.length() <= 64) {
                try {
                    return ZoneId.of(header);
                } catch (RuntimeException invalid) {
                    // Advice from the gateway: an unknown zone falls back to the market's, as on the rest of the page.
                }
            }
        }
        return page.settings().zone();
    }
}
