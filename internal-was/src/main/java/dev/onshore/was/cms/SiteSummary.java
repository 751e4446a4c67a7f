package dev.onshore.was.cms;

import java.util.List;

/**
 * A market's site as operators pick it: the market's zone (in which items are scheduled), the language its corners
 * fall back to, the languages its shoppers read, and the pages it has so far (none before its first item).
 */
public record SiteSummary(String market, String zone, String defaultLanguage, List<String> languages,
        List<String> pages) {

    public SiteSummary {
        languages = List.copyOf(languages);
        pages = List.copyOf(pages);
    }
}
