/**
 * The hot-deal waiting room at the edge. From {@code opens-before} the start of a deal until its end, the deal's pages
 * and checkout are gated: a shopper without a pass gets a FIFO ticket (one Redis counter, so arrival order across
 * every gateway node is the ticket order) and a localized waiting page that polls {@code /waiting-room/{deal}/status}
 * for position and estimated wait. Tickets are admitted at the deal's rate by a Lua script on Redis's own clock, so
 * any number of gateway nodes, restarted or not, admit the same tickets. An admitted shopper gets a short-lived pass:
 * an HMAC over deal, ticket, expiry and the client address, under the key every node shares
 * ({@code onshore.gateway.pass-key}, a 0600 secret file devstack generates). A pass is spent by the first checkout internal-was decides.
 * <p>
 * <b>How deals reach the edge:</b> dmz-api holds no database credentials, so it polls internal-was's public
 * {@code GET /api/shop/v1/hot-deals} (the same list the storefront shows, nothing secret) through its upstream every
 * {@code refresh}; the last list is kept when internal-was does not answer. Each node reads it on its own; all shared
 * state (tickets, admissions, units, spent passes, closure) lives in Redis.
 * <p>
 * <b>Units and the seam to orders:</b> internal-was claims a unit with a conditional update in MariaDB, the stock
 * truth; the room follows it and never counts units itself. A checkout holds its pass (in Redis, for at most
 * {@code checkout-hold}) while internal-was answers: an order placed or a purchase refused ({@code hot-deal/...}
 * problems) spends the pass; a failure before internal-was decided (5xx, timeout, connection error) or a request it
 * refused as malformed gives the pass back, so the shopper retries with it (the same Idempotency-Key stays one order),
 * also after the room closed: that checkout may have placed the order, and only internal-was can answer its retry.
 * The room closes when internal-was says the deal is sold out (a checkout's answer, or the deal list) and re-opens
 * when the list shows units left again (a reservation expired, a payment failed), admitting at the deal's rate from
 * then on. So a failed checkout never costs a unit, and a Redis failover can under-sell only until the next answer,
 * never over-sell.
 * <p>
 * <b>Redis outage:</b> the gate fails closed (503 with Retry-After): without Redis no fair order can be kept.
 */
@NullMarked
package dev.onshore.edge.waitingroom;

import org.jspecify.annotations.NullMarked;
