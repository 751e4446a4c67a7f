package dev.onshore.edge.waitingroom;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a hot-deal checkout came to, read from internal-was's answer (or the edge's own when internal-was did not
 * answer): whether its pass is spent or given back. internal-was refuses a purchase with a problem whose type is under
 * {@code hot-deal/} ({@code sold-out}, {@code over-limit}, {@code not-open}); every other problem is about the request
 * or a failure, not about the unit.
 */
enum CheckoutOutcome {

    /** internal-was placed the order: the pass is spent. */
    PLACED,
    /** internal-was refused the purchase for good (over the limit, not open): the pass is spent. */
    REFUSED,
    /** internal-was said the deal is sold out: the pass is spent and the room closes. */
    SOLD_OUT,
    /**
     * No decision: internal-was failed or did not answer (5xx, timeout, connection error, the edge's 502/504), or the
     * request itself was refused (a missing field, an Idempotency-Key still running): the pass is given back.
     */
    FAILED;

    static final String HOT_DEAL_PROBLEMS = "https://onshore.dev/problems/hot-deal/";

    static CheckoutOutcome of(int status, @Nullable String contentType, byte[] body) {
        if (status < 400) {
            return PLACED;
        }
        if (status >= 500 || contentType == null || !contentType.contains("json")) {
            return FAILED;
        }
        var type = problemType(body);
        if (type == null || !type.startsWith(HOT_DEAL_PROBLEMS)) {
            return FAILED;
        }
        return type.equals(HOT_DEAL_PROBLEMS + "sold-out") ? SOLD_OUT : REFUSED;
    }

    private static @Nullable String problemType(byte[] body) {
        try {
            var type = JsonMapper.shared().readTree(body).get("type");
            return type != null && type.isString() ? type.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
