/**
 * Rate limits at the edge, per client address and per shopper, for each route class (pages, search, API, login,
 * checkout) configured under {@code onshore.rate-limits}: fixed-window counters in Redis, one Lua call per request,
 * shared by every gateway node. A client over a limit gets 429 with {@code Retry-After} and a localized page or
 * problem body.
 * <p>
 * <b>Redis outage policy</b> (each route class says {@code when-redis-is-down}): browsing (pages, search, the store
 * API, the waiting room's status poll) fails <em>open</em> — the shop stays readable and the WAF/IPS still cap abusive
 * sources; login and checkout fail <em>closed</em> with 503 and {@code Retry-After}, because an unlimited login is a
 * password-guessing window and checkout must not run unmetered during a sale. After one failed Redis call the edge
 * stops asking for {@code spring.data.redis.down-for} (1 s), so an outage costs no request a timeout after the first.
 */
@NullMarked
package dev.onshore.edge.ratelimit;

import org.jspecify.annotations.NullMarked;
