package dev.onshore.was.checkout.web;

import dev.onshore.was.checkout.Checkout;
import dev.onshore.was.checkout.PlacedCheckout;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.UnknownOrderException;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/shop/v1/checkout} (a quote) and {@code /api/shop/v1/orders}: placing an order needs an
 * {@code Idempotency-Key}; reading or cancelling one needs its {@code Order-Token} or its member's bearer token.
 */
@RestController
class CheckoutApi {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Checkout checkout;
    private final OrderManagement orders;
    private final IdempotencyKeys keys;
    private final ShopProblems problems;
    private final JsonMapper json;

    CheckoutApi(Checkout checkout, OrderManagement orders, IdempotencyKeys keys, ShopProblems problems,
            JsonMapper json) {
        this.checkout = checkout;
        this.orders = orders;
        this.keys = keys;
        this.problems = problems;
        this.json = json;
    }

    @PostMapping(path = "/api/shop/v1/checkout", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShopJson.QuoteJson> quote(@RequestBody ShopJson.CheckoutJson body,
            @RequestHeader(name = Shoppers.CART_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt, @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = Shoppers.TIME_ZONE, required = false) @Parameter(hidden = true) @Nullable String zone,
            Locale locale) {
        var quote = checkout.quote(Shoppers.cart(jwt, token), body.toRequest(Shoppers.zone(zone)), Shoppers.language(lang, locale));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ShopJson.QuoteJson.of(quote));
    }

    /**
     * Places the order. The body is read only after the key is claimed, as raw bytes: the same key with the same
     * bytes replays the first response, byte for byte.
     */
    @PostMapping(path = "/api/shop/v1/orders", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> place(@RequestBody byte[] body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key,
            @RequestHeader(name = Shoppers.CART_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt, @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = Shoppers.TIME_ZONE, required = false) @Parameter(hidden = true) @Nullable String zone,
            Locale locale) {
        if (key == null || key.isBlank() || key.length() > IdempotencyKeys.MAX_KEY_LENGTH) {
            throw new IdempotencyException("missing");
        }
        var cart = Shoppers.cart(jwt, token);
        var scope = "orders:" + (cart.memberSubject() != null ? "member:" + cart.memberSubject()
                : "cart:" + sha256((cart.token() == null ? "" : cart.token()).getBytes(StandardCharsets.UTF_8)));
        return idempotently(scope, key, body, locale, bytes -> {
            var request = read(bytes, ShopJson.CheckoutJson.class);
            return checkout.placeOrder(cart, request.toRequest(Shoppers.zone(zone)), Shoppers.language(lang, locale));
        });
    }

    /**
     * Buys units of a hot deal at the deal's price; the edge's waiting room gates this path. Needs an
     * {@code Idempotency-Key} like any order; a member's token makes the member the customer the limit counts,
     * else the e-mail address does.
     */
    @PostMapping(path = "/api/shop/v1/hot-deals/{id}/checkout", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> placeHotDeal(@PathVariable UUID id, @RequestBody byte[] body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key,
            @RequestHeader(name = Shoppers.CART_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt, @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = Shoppers.TIME_ZONE, required = false) @Parameter(hidden = true) @Nullable String zone,
            Locale locale) {
        if (key == null || key.isBlank() || key.length() > IdempotencyKeys.MAX_KEY_LENGTH) {
            throw new IdempotencyException("missing");
        }
        var member = Shoppers.member(jwt);
        var scope = "hot-deal:" + id + ":" + (member != null ? "member:" + member
                : "guest:" + sha256((token == null ? "" : token).getBytes(StandardCharsets.UTF_8)));
        return idempotently(scope, key, body, locale, bytes -> {
            var request = read(bytes, ShopJson.HotDealCheckoutJson.class);
            return checkout.placeHotDealOrder(id, request.units(), member, request.toRequest(Shoppers.zone(zone)),
                    Shoppers.language(lang, locale));
        });
    }

    private <T> T read(byte[] body, Class<T> type) {
        T request;
        try {
            request = json.readValue(body, type);
        } catch (JacksonException e) {
            throw new InvalidRequestException("body");
        }
        if (request == null) {
            throw new InvalidRequestException("body");
        }
        return request;
    }

    /**
     * Runs {@code placing} once per key in the scope: the same key with the same bytes replays the first answer
     * (a placed order or a 4xx problem), byte for byte; a 5xx is not kept, so a retry runs again.
     */
    private ResponseEntity<String> idempotently(String scope, String key, byte[] body, Locale locale,
            java.util.function.Function<byte[], PlacedCheckout> placing) {
        var claim = keys.claim(scope, key, sha256(body));
        switch (claim.kind()) {
            case MISMATCH -> throw new IdempotencyException("mismatch");
            case RUNNING -> throw new IdempotencyException("running");
            case REPLAY -> {
                var stored = claim.replay().orElseThrow();
                return ResponseEntity.status(stored.status()).contentType(MediaType.parseMediaType(stored.contentType()))
                        .cacheControl(CacheControl.noStore()).header("Idempotent-Replayed", "true").body(stored.body());
            }
            case CLAIMED -> {
                // goes on below
            }
        }
        IdempotencyKeys.Stored response;
        try {
            var placed = placing.apply(body);
            response = new IdempotencyKeys.Stored(HttpStatus.CREATED.value(), MediaType.APPLICATION_JSON_VALUE,
                    json.writeValueAsString(ShopJson.PlacedJson.of(placed)));
        } catch (RuntimeException e) {
            var problem = problems.problemFor(e, locale);
            if (problem == null || problem.getStatus() >= 500) {
                keys.forget(scope, key); // not an answer to keep: a retry runs again
                throw e;
            }
            response = new IdempotencyKeys.Stored(problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    json.writeValueAsString(asJson(problem)));
        } catch (Error e) {
            keys.forget(scope, key);
            throw e;
        }
        keys.complete(scope, key, response);
        var builder = ResponseEntity.status(response.status())
                .contentType(MediaType.parseMediaType(response.contentType())).cacheControl(CacheControl.noStore());
        if (response.status() == HttpStatus.CREATED.value()) {
            builder.location(URI.create("/api/shop/v1/orders/" + json.readTree(response.body()).path("order")
                    .path("number").asString()));
        }
        return builder.body(response.body());
    }

    @GetMapping(path = "/api/shop/v1/orders/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShopJson.OrderJson> get(@PathVariable String number,
            @RequestHeader(name = Shoppers.ORDER_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt) {
        var order = orders.findForShopper(number, Shoppers.member(jwt), token)
                .orElseThrow(() -> new UnknownOrderException(number));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ShopJson.OrderJson.of(order));
    }

    @PostMapping(path = "/api/shop/v1/orders/{number}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShopJson.OrderJson> cancel(@PathVariable String number,
            @RequestHeader(name = Shoppers.ORDER_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt) {
        orders.findForShopper(number, Shoppers.member(jwt), token)
                .orElseThrow(() -> new UnknownOrderException(number));
        var order = orders.cancel(number, "shopper");
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ShopJson.OrderJson.of(order));
    }

    /** RFC 9457 members at the top level, the extensions beside them (as the message converters write it). */
    private static java.util.Map<String, Object> asJson(org.springframework.http.ProblemDetail problem) {
        var members = new java.util.LinkedHashMap<String, Object>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
