package dev.onshore.edge.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One class of {@code onshore.rate-limits.classes}, counted over a minute, as a gateway node's properties.
 *
 * @param whenRedisIsDown {@code open} or {@code closed}; null leaves the application's default
 */
public record RateLimitClass(String name, String paths, int perIp, int perShopper, @Nullable String whenRedisIsDown) {

    /** The shoppers' login: 3 attempts per address a minute, refused while Redis cannot count them. */
    public static final RateLimitClass LOGIN =
            new RateLimitClass("login", "/realms/shoppers/protocol/openid-connect/auth", 3, 0, "closed");

    /** {@code others} and the {@code classes}, numbered in the order given. */
    public static Map<String, Object> properties(Map<String, ?> others, RateLimitClass... classes) {
        var properties = new LinkedHashMap<String, Object>(others);
        for (int i = 0; i < classes.length; i++) {
            var prefix = "onshore.rate-limits.classes[" + i + "].";
            properties.put(prefix + "name", classes[i].name());
            properties.put(prefix + "paths", classes[i].paths());
            properties.put(prefix + "per-ip", Integer.toString(classes[i].perIp()));
            properties.put(prefix + "per-shopper", Integer.toString(classes[i].perShopper()));
            properties.put(prefix + "window", "1m");
            if (classes[i].whenRedisIsDown() != null) {
                properties.put(prefix + "when-redis-is-down", classes[i].whenRedisIsDown());
            }
        }
        return properties;
    }
}
