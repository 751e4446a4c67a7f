/**
 * The edge's one Redis connection (Redisson), shared by the rate limits and the waiting room, and the guard that
 * turns a Redis outage into a quick, explicit {@link dev.onshore.edge.redis.RedisUnavailableException} so that each
 * caller applies its written outage policy (browsing fails open; login, checkout and the waiting room fail closed)
 * instead of waiting on timeouts request after request.
 */
@NullMarked
package dev.onshore.edge.redis;

import org.jspecify.annotations.NullMarked;
