package dev.onshore.edge.waitingroom;

import dev.onshore.edge.ratelimit.Refusals;
import dev.onshore.edge.redis.RedisUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.HtmlUtils;

/**
 * Gates the pages and checkout of the deals whose room is open (see the package documentation), and answers the
 * room's own paths: {@code /waiting-room/{deal}/status} (the poll) and {@code /waiting-room/waiting-room.js}. Runs
 * after the rate limits, which count the poll like any other request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class WaitingRoom extends OncePerRequestFilter {

    static final String PREFIX = "/waiting-room/";
    static final String TICKET_COOKIE = "onshore_ticket_";
    static final String PASS_COOKIE = "onshore_pass_";
    private static final String CLIENT_IP = "X-Onshore-Client-IP";
    private static final Logger log = LoggerFactory.getLogger(WaitingRoom.class);

    private final WaitingRoomProperties properties;
    private final HotDealFeed feed;
    private final Queues queues;
    private final Refusals refusals;
    private final Passes passes;
    private final byte[] script;
    private final Clock clock;

    WaitingRoom(WaitingRoomProperties properties, HotDealFeed feed, Queues queues, Refusals refusals, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.feed = feed;
        this.queues = queues;
        this.refusals = refusals;
        this.passes = new Passes(key(properties.passKey()));
        this.script = resource("waiting-room.js");
    }

    private static byte[] key(String configured) {
        if (!configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        log.warn("onshore.gateway.pass-key is empty: passes are signed with a random key only this node knows");
        var random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        var path = request.getRequestURI();
        if (path.startsWith(PREFIX)) {
            own(path.substring(PREFIX.length()), request, response);
            return;
        }
        var now = clock.instant();
        var container = PathContainer.parsePath(path);
        var deal = feed.gating(now).stream().filter(d -> d.isGated(container)).findFirst().orElse(null);
        if (deal == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (deal.isCheckout(container) && !"GET".equals(request.getMethod())
                    && !"HEAD".equals(request.getMethod())) {
                checkout(deal, now, request, response, chain);
            } else if (admitted(deal, now, request, response)) {
                chain.doFilter(request, response);
            }
        } catch (RedisUnavailableException e) {
            refusals.refuse(request, response, 503, "temporarily-unavailable", "unavailable", Map.of(),
                    Duration.ofSeconds(5));
        }
    }

    /**
     * A checkout of the deal: it needs a pass, which it holds while internal-was answers. The pass is spent only when
     * internal-was decided (an order placed, or the purchase refused: sold out, over the limit, not open); when the
     * checkout failed before that (5xx, timeout, connection error) or the request itself was wrong, the pass is given
     * back, so the shopper may try again with it (with the same Idempotency-Key, internal-was keeps it one order).
     * internal-was's "sold out" closes the room.
     */
    private void checkout(HotDeal deal, Instant now, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        var passToken = cookie(request, PASS_COOKIE + deal.id());
        var pass = passToken == null ? OptionalLong.empty()
                : passes.verifyPass(passToken, deal.id(), client(request), now);
        if (pass.isEmpty()) {
            // Forged, expired, another client's, or none at all: checkout of a gated deal needs a pass.
            refuse(request, response, 403, "invalid-pass", "pass");
            return;
        }
        var ticket = pass.getAsLong();
        switch (queues.hold(deal, ticket, properties.checkoutHold())) {
            case SPENT_BEFORE -> {
                refuse(request, response, 409, "pass-spent", "spent");
                return;
            }
            case SOLD_OUT -> {
                refuse(request, response, 410, "sold-out", "soldout");
                return;
            }
            case IN_USE -> {
                refusals.refuse(request, response, 409, "pass-in-use", "inuse", Map.of(), Duration.ofSeconds(2));
                return;
            }
            case HELD -> {
                // goes on below
            }
        }
        var answer = new ContentCachingResponseWrapper(response);
        var outcome = CheckoutOutcome.FAILED;
        try {
            chain.doFilter(request, answer);
            outcome = CheckoutOutcome.of(answer.getStatus(), answer.getContentType(), answer.getContentAsByteArray());
        } finally {
            settle(deal, ticket, outcome);
        }
        answer.copyBodyToResponse();
    }

    private void settle(HotDeal deal, long ticket, CheckoutOutcome outcome) {
        try {
            switch (outcome) {
                case PLACED, REFUSED -> queues.spend(deal, ticket);
                case SOLD_OUT -> {
                    queues.spend(deal, ticket);
                    queues.close(deal);
                }
                case FAILED -> queues.giveBack(deal, ticket);
            }
        } catch (RedisUnavailableException e) {
            // The answer stands; the hold expires by itself, and internal-was still decides any later checkout.
            log.warn("Pass {} of deal {} not settled ({}): Redis unavailable", ticket, deal.id(), outcome);
        }
    }

    /** Whether a request for the deal's pages may pass the gate; when not, the answer is written. */
    private boolean admitted(HotDeal deal, Instant now, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var client = client(request);
        var passToken = cookie(request, PASS_COOKIE + deal.id());
        var pass = passToken == null ? OptionalLong.empty() : passes.verifyPass(passToken, deal.id(), client, now);
        if (pass.isPresent()) {
            return true;
        }
        var ticket = ticket(deal, client, request, response);
        if (ticket == null) {
            return false;
        }
        var standing = queues.advance(deal);
        if (standing.closed()) {
            return refuse(request, response, 410, "sold-out", "soldout");
        }
        if (standing.position(ticket) == 0) {
            issuePass(deal, ticket, client, now, request, response);
            return true;
        }
        waiting(deal, ticket, standing, now, request, response);
        return false;
    }

    /** The client's ticket, taken now if it holds none; null when none can be had (the answer is written). */
    private @Nullable Long ticket(HotDeal deal, String client, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        var token = cookie(request, TICKET_COOKIE + deal.id());
        var held = token == null ? OptionalLong.empty() : passes.verifyTicket(token, deal.id(), client);
        if (held.isPresent()) {
            return held.getAsLong();
        }
        var taken = queues.take(deal, client, properties.ticketsPerAddress());
        if (taken == -1) {
            refuse(request, response, 429, "queue-crowded", "crowded");
            return null;
        }
        if (taken == -2) {
            refuse(request, response, 410, "sold-out", "soldout");
            return null;
        }
        setCookie(request, response, TICKET_COOKIE + deal.id(), passes.ticket(deal.id(), taken, client),
                Duration.between(clock.instant(), deal.endsAt()));
        return taken;
    }

    private void own(String rest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (rest.equals("waiting-room.js")) {
            response.setContentType("text/javascript;charset=UTF-8");
            response.setHeader("Cache-Control", "public, max-age=300");
            response.getOutputStream().write(script);
            return;
        }
        var slash = rest.indexOf('/');
        var deal = slash > 0 && rest.substring(slash).equals("/status") ? feed.find(rest.substring(0, slash)) : null;
        if (deal == null) {
            refuse(request, response, 404, "not-found", "unknown");
            return;
        }
        var client = client(request);
        var token = cookie(request, TICKET_COOKIE + deal.id());
        var ticket = token == null ? OptionalLong.empty() : passes.verifyTicket(token, deal.id(), client);
        if (ticket.isEmpty()) {
            refuse(request, response, 404, "no-ticket", "unknown");
            return;
        }
        try {
            var now = clock.instant();
            var standing = queues.advance(deal);
            var position = standing.position(ticket.getAsLong());
            if (!standing.closed() && position == 0) {
                issuePass(deal, ticket.getAsLong(), client, now, request, response);
            }
            writeStatus(deal, standing, position, now, request, response);
        } catch (RedisUnavailableException e) {
            refusals.refuse(request, response, 503, "temporarily-unavailable", "unavailable", Map.of(),
                    Duration.ofSeconds(5));
        }
    }

    private void writeStatus(HotDeal deal, Queues.Standing standing, long position, Instant now,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        var locale = Refusals.locale(request);
        var messages = refusals.messages();
        var state = standing.closed() ? "closed" : position == 0 ? "admitted" : "waiting";
        var wait = estimatedWait(deal, position, now);
        var message = switch (state) {
            case "closed" -> messages.format("wait.closed", locale);
            case "admitted" -> messages.format("wait.admitted", locale);
            default -> now.isBefore(deal.startsAt()) ? messages.format("wait.before", locale) : "";
        };
        var body = "{\"state\":\"" + state + "\",\"position\":" + position + ",\"estimatedWaitSeconds\":"
                + wait.toSeconds() + ",\"positionText\":"
                + Refusals.json(messages.format("wait.position", locale, Map.of("position", position)))
                + ",\"estimateText\":"
                + Refusals.json(messages.format("wait.estimate", locale, Map.of("minutes", wait.toMinutes())))
                + ",\"message\":" + Refusals.json(message) + ",\"pollMillis\":" + properties.poll().toMillis() + "}";
        response.setStatus(200);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Duration estimatedWait(HotDeal deal, long position, Instant now) {
        var queue = Duration.ofMillis((position * 60_000L + deal.admissionsPerMinute() - 1)
                / deal.admissionsPerMinute());
        var untilStart = now.isBefore(deal.startsAt()) ? Duration.between(now, deal.startsAt()) : Duration.ZERO;
        return queue.plus(untilStart);
    }

    /** The waiting page for browsers; a 429 problem with the position for API clients. */
    private void waiting(HotDeal deal, long ticket, Queues.Standing standing, Instant now, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        var locale = Refusals.locale(request);
        var messages = refusals.messages();
        var position = standing.position(ticket);
        var wait = estimatedWait(deal, position, now);
        var positionText = messages.format("wait.position", locale, Map.of("position", position));
        var estimateText = messages.format("wait.estimate", locale, Map.of("minutes", wait.toMinutes()));
        var title = messages.format("wait.title", locale);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.setCharacterEncoding("UTF-8");
        var status = PREFIX + deal.id() + "/status";
        if (Refusals.wantsPage(request)) {
            response.setStatus(200);
            response.setContentType("text/html;charset=UTF-8");
            var before = now.isBefore(deal.startsAt()) ? messages.format("wait.before", locale) : "";
            var page = "<!doctype html><html lang=\"" + HtmlUtils.htmlEscape(locale.toLanguageTag()) + "\"><head>"
                    + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                    + "<title>" + HtmlUtils.htmlEscape(title) + "</title>"
                    + "<script src=\"" + PREFIX + "waiting-room.js\" defer></script></head><body>"
                    + "<main id=\"waiting-room\" data-status=\"" + HtmlUtils.htmlEscape(status) + "\" data-poll=\""
                    + properties.poll().toMillis() + "\"><h1>" + HtmlUtils.htmlEscape(title) + "</h1>"
                    + "<p>" + HtmlUtils.htmlEscape(messages.format("wait.lead", locale)) + "</p>"
                    + "<p id=\"wr-position\">" + HtmlUtils.htmlEscape(positionText) + "</p>"
                    + "<p id=\"wr-estimate\">" + HtmlUtils.htmlEscape(estimateText) + "</p>"
                    + "<p id=\"wr-message\" role=\"status\" aria-live=\"polite\">" + HtmlUtils.htmlEscape(before)
                    + "</p><p>" + HtmlUtils.htmlEscape(messages.format("wait.keep", locale)) + "</p></main>"
                    + "</body></html>";
            response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(Refusals.seconds(properties.poll())));
        response.setContentType("application/problem+json");
        var body = "{\"type\":\"https://onshore.dev/problems/waiting-room\",\"title\":" + Refusals.json(title)
                + ",\"status\":429,\"detail\":" + Refusals.json(positionText + ". " + estimateText)
                + ",\"position\":" + position + ",\"estimatedWaitSeconds\":" + wait.toSeconds()
                + ",\"statusUrl\":" + Refusals.json(status) + "}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private void issuePass(HotDeal deal, long ticket, String client, Instant now, HttpServletRequest request,
            HttpServletResponse response) {
        var expires = now.plus(properties.passTtl());
        setCookie(request, response, PASS_COOKIE + deal.id(), passes.pass(deal.id(), ticket, expires, client),
                properties.passTtl());
    }

    private boolean refuse(HttpServletRequest request, HttpServletResponse response, int status, String type,
            String key) throws IOException {
        refusals.refuse(request, response, status, type, key, Map.of(), null);
        return false;
    }

    private static String client(HttpServletRequest request) {
        var client = request.getHeader(CLIENT_IP);
        return client != null ? client : request.getRemoteAddr();
    }

    private static @Nullable String cookie(HttpServletRequest request, String name) {
        var cookies = request.getCookies();
        if (cookies != null) {
            for (var cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static void setCookie(HttpServletRequest request, HttpServletResponse response, String name, String value,
            Duration maxAge) {
        var secure = request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        response.addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + Math.max(1, maxAge.toSeconds())
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }

    private static byte[] resource(String name) {
        try (InputStream in = WaitingRoom.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
