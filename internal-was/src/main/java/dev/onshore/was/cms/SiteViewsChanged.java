package dev.onshore.was.cms;

/**
 * This node now shows changed content of {@code market}'s site, changed here (after the commit) or on another node
 * (from Kafka). In-process only, never externalized: the signal to drop pages rendered from the old content.
 */
public record SiteViewsChanged(String market) {
}
