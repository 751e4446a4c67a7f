package dev.onshore.was.cms.internal;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * What operators' HTML blocks may contain: text formatting, blocks, lists, tables, and links to http(s) or paths
 * of this site. Scripts, styles, event handlers ({@code on*}), iframes and {@code javascript:} URLs never survive.
 */
final class HtmlAllowList {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("br", "hr", "ul", "ol", "li", "a")
                    .allowStandardUrlProtocols().allowAttributes("href").onElements("a")
                    .requireRelNofollowOnLinks().toFactory());

    private HtmlAllowList() {
    }

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
