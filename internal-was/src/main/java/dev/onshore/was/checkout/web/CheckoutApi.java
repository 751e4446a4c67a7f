package dev.onshore.was.checkout.web;

import dev.onshore.i18n.address.AddressField;
import dev.onshore.was.checkout.Checkout;
import dev.onshore.was.checkout.CheckoutRequest;
import dev.onshore.was.checkout.PlacedCheckout;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.PlacedOrder;
import dev.onshore.was.pii.PiiAttributeConverter;
import dev.onshore.was.orders.UnknownOrderException;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/shop/v1/checkout} (a quote) and {@code /api/shop/v1/orders}: placing an order needs an
 * {@code Idempotency-Key}; reading or cancelling one needs its {@code Order-Token} or its member's bearer token.
 */
@RestController
class CheckoutApi {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * The key's description in the OpenAPI document, where it is required although Spring reads it as optional: a
     * request without one gets the API's own localized 400 problem rather than Spring's.
     */
    static final String IDEMPOTENCY_KEY_DOC = "Required: one key (at most 255 characters) per intended change. A retry"
            + " with the same key and body replays the first answer; the same key with another body is 422, and 409"
            + " while the first is still running. A retry once the first has run 30 s without answering (its server"
            + " stopped) takes the key over: it gets what the first did (the order it placed, the return or exchange"
            + " it asked for; never a second one), or runs the request when the first changed nothing.";

    private final Checkout checkout;
    private final OrderManagement orders;
    private final IdempotentResponses responses;
    private final IdempotencyKeys keys;
    private final PiiAttributeConverter sealed;
    private final JsonMapper json;

    CheckoutApi(Checkout checkout, OrderManagement orders, IdempotentResponses responses, JsonMapper json,
            IdempotencyKeys keys, PiiAttributeConverter sealed) {
        this.keys = keys;
        this.sealed = sealed;
        this.checkout = checkout;
        this.orders = orders;
        this.responses = responses;
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
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
            @Parameter(required = true, description = IDEMPOTENCY_KEY_DOC) @Nullable String key,
            @RequestHeader(name = Shoppers.CART_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt, @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = Shoppers.TIME_ZONE, required = false) @Parameter(hidden = true) @Nullable String zone,
            Locale locale) {
        IdempotentResponses.require(key);
        var cart = Shoppers.cart(jwt, token);
        var scope = "orders:" + (cart.memberSubject() != null ? "member:" + cart.memberSubject()
                : "cart:" + IdempotentResponses.sha256(cart.token() == null ? "" : cart.token()));
        return idempotently(scope, key, body, locale, (bytes, hold) -> {
            var request = responses.read(bytes, ShopJson.CheckoutJson.class).toRequest(Shoppers.zone(zone));
            return checkout.placeOrder(cart, request, Shoppers.language(lang, locale), recording(hold, request));
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
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
            @Parameter(required = true, description = IDEMPOTENCY_KEY_DOC) @Nullable String key,
            @RequestHeader(name = Shoppers.CART_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt, @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = Shoppers.TIME_ZONE, required = false) @Parameter(hidden = true) @Nullable String zone,
            Locale locale) {
        IdempotentResponses.require(key);
        var member = Shoppers.member(jwt);
        var scope = "hot-deal:" + id + ":" + (member != null ? "member:" + member
                : "guest:" + IdempotentResponses.sha256(token == null ? "" : token));
        return idempotently(scope, key, body, locale, (bytes, hold) -> {
            var json = responses.read(bytes, ShopJson.HotDealCheckoutJson.class);
            var request = json.toRequest(Shoppers.zone(zone));
            return checkout.placeHotDealOrder(id, json.units(), member, request, Shoppers.language(lang, locale),
                    recording(hold, request));
        });
    }

    /**
     * Places once per key in the scope: the same key with the same bytes replays the first answer. The order's
     * transaction records the order under the key, with its guest token and the payer's name encrypted: when this
     * node dies before answering, a retry after the key's lease gets this order (its payment started if need be),
     * never a second one.
     */
    private ResponseEntity<String> idempotently(String scope, String key, byte[] body, Locale locale,
            java.util.function.BiFunction<byte[], IdempotencyKeys.Hold, PlacedCheckout> placing) {
        return responses.once(scope, key, body, locale, HttpStatus.CREATED,
                (bytes, hold) -> ShopJson.PlacedJson.of(placing.apply(bytes, hold)),
                effect -> {
                    var resumable = json.readValue(Objects.requireNonNull(
                            sealed.convertToEntityAttribute(effect.secret())), Resumable.class);
                    return ShopJson.PlacedJson.of(checkout.resume(effect.ref(), resumable.accessToken(),
                            resumable.customerName()));
                },
                answer -> URI.create("/api/shop/v1/orders/" + json.readTree(answer).path("order").path("number")
                        .asString()));
    }

    /** Records the placed order under the key, in the order's transaction, with what answering again needs. */
    private java.util.function.Consumer<PlacedOrder> recording(IdempotencyKeys.Hold hold, CheckoutRequest request) {
        return placed -> keys.record(hold, placed.number(), sealed.convertToDatabaseColumn(json.writeValueAsString(
                new Resumable(placed.accessToken(), request.address().get(AddressField.RECIPIENT)))));
    }

    /** What answering again for a recorded order needs besides the order (kept encrypted under its key). */
    record Resumable(String accessToken, String customerName) {
    }

    @GetMapping(path = "/api/shop/v1/orders/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShopJson.OrderJson> get(@PathVariable String number,
            @RequestHeader(name = Shoppers.ORDER_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt) {
        var order = orders.findForShopper(number, Shoppers.member(jwt), token)
                .orElseThrow(() -> new UnknownOrderException(number));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(ShopJson.OrderJson.of(order, orders.claimableUntil(order)));
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
}
