package dev.onshore.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key the edge signs hops to the internal tier with ({@code dev.onshore.i18n.context.HopSignature}); generated at
 * install into a 0600 secret file. Blank: hops go unsigned, and the internal tier then believes no shopper context.
 *
 * @param key the shared secret; never printed
 */
@ConfigurationProperties("onshore.hop")
record HopKey(@DefaultValue("") String key) {

    String value() {
        return key;
    }

    boolean isSet() {
        return !key.isBlank();
    }

    @Override
    public String toString() {
        return "HopKey[(secret)]";
    }
}
