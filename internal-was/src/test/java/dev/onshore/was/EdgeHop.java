package dev.onshore.was;

import dev.onshore.i18n.context.HopSignature;
import java.time.Instant;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs a test request as dmz-api signs what it forwards ({@code X-Onshore-Hop}), with the key the {@code it}
 * profile accepts ({@code onshore.hop.keys.it} in application-it.yml), so that its shopper-context headers count.
 * Apply it last: it signs the headers set so far.
 */
public final class EdgeHop {

    /** The it profile's accepted hop key: a test value, never used outside tests. */
    static final String KEY = "it-only-hop-key-0123456789abcdef";

    private EdgeHop() {
    }

    public static RequestPostProcessor signed() {
        return request -> {
            request.addHeader(HopSignature.HEADER, HopSignature.sign(KEY, request.getMethod(), request.getRequestURI(),
                    request::getHeader, Instant.now()));
            return request;
        };
    }
}
