package dev.onshore.i18n.context;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Tells search-engine and link-preview crawlers by their User-Agent. They are never steered by IP: a crawler in
 * the US must index the Indonesian pages as Indonesian, so each URL has to mean the same for everyone.
 */
public final class Crawlers {

    private static final int MAX_USER_AGENT = 512;
    private static final String[] TOKENS = {
        "bot", "crawl", "spider", "slurp", "yeti", "daum", "facebookexternalhit", "mediapartners-google",
        "google-inspectiontool", "bingpreview", "embedly", "whatsapp"
    };

    private Crawlers() {
    }

    /** True for known crawlers; false for null, blank or ordinary browsers. Never throws. */
    public static boolean isCrawler(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return false;
        }
        String ua = (userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent)
                .toLowerCase(Locale.ROOT);
        for (String token : TOKENS) {
            if (ua.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
