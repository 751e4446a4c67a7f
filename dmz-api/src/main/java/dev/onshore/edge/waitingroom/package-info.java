/**
 * The hot-deal waiting room at the edge. From {@code opens-before} the start of a deal until its end, the deal's pages
 * and checkout are gated: a shopper without a pass gets a FIFO ticket (one Redis counter, so arrival order across
 * every gateway node is the ticket order) and a localized waiting page that polls {@code /waiting-room/{deal}/status}
 * for position and estimated wait. Tickets are admitted at the deal's rate by a Lua script on Redis's own clock, so
 * any number of gateway nodes, restarted or not, admit the same tickets. An admitted shopper gets a short-lived pass:
 * an HMAC over deal, ticket, expiry and the client address, under the key every node shares
 * ({@code onshore.gateway.pass-key}, a 0600 secret file devstack generates). A pass is spent by its first checkout.
 * <p>
 * <b>How deals reach the edge:</b> dmz-api holds no database credentials, so it polls internal-was's public
 * {@code GET /api/shop/v1/hot-deals} (the same list the storefront shows, nothing secret) through its upstream every
 * {@code refresh}; the last list is kept when internal-was does not answer. Each node reads it on its own; all shared
 * state (tickets, admissions, units, spent passes, closure) lives in Redis.
 * <p>
 * <b>Units and the seam to orders:</b> the units counter in Redis is decremented when a pass is spent on the deal's
 * checkout; at zero, or when internal-was reports the deal sold out, the room closes and tells everyone still waiting.
 * Redis only admits: the order's conditional stock update in MariaDB decides whether a unit is sold, so a Redis
 * failover can under-sell but never over-sell.
 * <p>
 * <b>Redis outage:</b> the gate fails closed (503 with Retry-After): without Redis no fair order can be kept.
 */
@NullMarked
package dev.onshore.edge.waitingroom;

import org.jspecify.annotations.NullMarked;
