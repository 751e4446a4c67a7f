package dev.onshore.was.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which edge may tell this node who the shopper is: requests signed by dmz-api with one of {@code keys}
 * ({@code X-Onshore-Hop}, see {@code dev.onshore.i18n.context.HopSignature}). Keys come from 0600 secret files
 * (configtree: files named {@code onshore.hop.keys.<name>}); during a rotation two are accepted (docs/hop-signature.md).
 * No key: no request carries a shopper context.
 *
 * @param keys accepted signing keys by a name of the operator's choosing (current, previous); never printed
 * @param maxAge how old (or, for clock skew, how far in the future) a signature may be
 */
@ConfigurationProperties("onshore.hop")
record HopProperties(@DefaultValue Map<String, String> keys, @DefaultValue("PT30S") Duration maxAge) {

    List<String> acceptedKeys() {
        return keys.values().stream().map(String::strip).filter(key -> !key.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "HopProperties[keys=" + keys.keySet() + ", maxAge=" + maxAge + "]";
    }
}
