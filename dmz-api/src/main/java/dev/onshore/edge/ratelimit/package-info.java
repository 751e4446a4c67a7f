/**
 * Rate limits at the edge, per client address and per shopper, for each route class (pages, search, API, login,
 * checkout) configured under {@code onshore.rate-limits}: fixed-window counters in Redis, shared by every gateway
 * node. Login and checkout (the classes that fail closed) are counted exactly, one Lua call per request
 * ({@link dev.onshore.edge.ratelimit.RequestCounters}); browsing is counted by each node and added to Redis in batches
 * every {@code flush-every} (100 ms), so a page view costs no Redis round trip, and a client may go over its limit
 * across nodes by what it sends to the other nodes within one flush interval
 * ({@link dev.onshore.edge.ratelimit.BatchedCounters} states the tolerance). A client over a limit gets 429 with
 * {@code Retry-After} and a localized page or problem body.
 * <p>
 * <b>Redis outage policy</b> (each route class says {@code when-redis-is-down}): browsing (pages, search, the store
 * API, the waiting room's status poll) fails <em>open</em> — the shop stays readable and the WAF/IPS still cap abusive
 * sources (each node's own counts still limit a client, as a single node would); login and checkout fail <em>closed</em> with 503 and {@code Retry-After}, because an unlimited login is a
 * password-guessing window and checkout must not run unmetered during a sale. After one failed Redis call the edge
 * stops asking for {@code spring.data.redis.down-for} (1 s), so an outage costs no request a timeout after the first.
 */
@NullMarked
package dev.onshore.edge.ratelimit;

import org.jspecify.annotations.NullMarked;
