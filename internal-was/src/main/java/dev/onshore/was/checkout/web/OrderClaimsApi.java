package dev.onshore.was.checkout.web;

import dev.onshore.was.claims.ExchangeClaims;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.UnknownOrderException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A delivered order's return or exchange, asked for by its shopper ({@code /api/shop/v1/orders/{number}/return},
 * {@code /exchange}): the member's bearer token or the guest's {@code Order-Token} (what the order's page takes from
 * its cookie), else 404 as for an order that does not exist. Each needs an {@code Idempotency-Key}: a retry replays
 * the first answer, so a double submit asks once. Operators take it from there (the admin API).
 */
@RestController
class OrderClaimsApi {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final OrderManagement orders;
    private final ExchangeClaims exchanges;
    private final IdempotentResponses responses;
    private final IdempotencyKeys keys;

    OrderClaimsApi(OrderManagement orders, ExchangeClaims exchanges, IdempotentResponses responses,
            IdempotencyKeys keys) {
        this.orders = orders;
        this.exchanges = exchanges;
        this.responses = responses;
        this.keys = keys;
    }

    @Operation(summary = "Ask for a return of a delivered order",
            description = "The whole order goes back (its receipt refunds it in full), within the window for claims "
                    + "after delivery (see claimableUntil on the order); one return or exchange per order.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ShopJson.ReturnRequestJson.class))))
    @ApiResponse(responseCode = "200", description = "The order, its return requested", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ShopJson.OrderJson.class)))
    @ApiResponse(responseCode = "400", description = "No Idempotency-Key, unreadable JSON, a missing or unknown "
            + "reason, a note too long (invalid-request, idempotency-key/missing)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "404", description = "No such order for this caller (unknown-order); another "
            + "shopper's order looks the same", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "409", description = "Not delivered yet (claim/not-delivered), a return or exchange "
            + "asked for already (claim/already-claimed), the window passed (claim/window-closed), the same key "
            + "still at work (idempotency-key/running)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "422", description = "The key was used with another body (idempotency-key/mismatch)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping(path = "/api/shop/v1/orders/{number}/return", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> requestReturn(@PathVariable String number,
            @RequestBody @Parameter(hidden = true) byte[] body,
            @RequestHeader(name = CheckoutApi.IDEMPOTENCY_KEY, required = false)
            @Parameter(required = true, description = CheckoutApi.IDEMPOTENCY_KEY_DOC) @Nullable String key,
            @RequestHeader(name = Shoppers.ORDER_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt, Locale locale) {
        return once(number, "return", body, key, token, jwt, locale, (bytes, recorded) -> {
            var request = responses.read(bytes, ShopJson.ReturnRequestJson.class);
            return orders.requestReturn(number, ShopJson.grounds(request.reason(), request.note()), recorded);
        });
    }

    @Operation(summary = "Ask for an exchange of a delivered order's line",
            description = "Units of one line for another variant of the same product (or the same SKU), which the "
                    + "order's market sells and has in stock; within the window for claims after delivery; one "
                    + "return or exchange per order. The replacement's stock is taken when an operator approves.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ShopJson.ExchangeRequestJson.class))))
    @ApiResponse(responseCode = "200", description = "The order, its exchange requested", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ShopJson.OrderJson.class)))
    @ApiResponse(responseCode = "400", description = "No Idempotency-Key, unreadable JSON, a missing field, a "
            + "quantity that is not a positive whole number, an unknown reason, a note too long (invalid-request, "
            + "idempotency-key/missing)", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "404", description = "No such order for this caller (unknown-order); another "
            + "shopper's order looks the same", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "409", description = "Not delivered yet (claim/not-delivered), a return or exchange "
            + "asked for already (claim/already-claimed), the window passed (claim/window-closed), the replacement "
            + "out of stock (claim/replacement-out-of-stock), the same key still at work (idempotency-key/running)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "422", description = "No line of that SKU (claim/unknown-line), more units than the "
            + "line's (claim/quantity-too-large), a replacement of another product (claim/replacement-other-product) "
            + "or not sold in the order's market (claim/replacement-not-sold), the key used with another body "
            + "(idempotency-key/mismatch)", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping(path = "/api/shop/v1/orders/{number}/exchange", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> requestExchange(@PathVariable String number,
            @RequestBody @Parameter(hidden = true) byte[] body,
            @RequestHeader(name = CheckoutApi.IDEMPOTENCY_KEY, required = false)
            @Parameter(required = true, description = CheckoutApi.IDEMPOTENCY_KEY_DOC) @Nullable String key,
            @RequestHeader(name = Shoppers.ORDER_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt, Locale locale) {
        return once(number, "exchange", body, key, token, jwt, locale, (bytes, recorded) -> {
            var request = responses.read(bytes, ShopJson.ExchangeRequestJson.class);
            if (request.sku() == null || request.sku().isBlank()) {
                throw new InvalidRequestException("sku");
            }
            if (request.replacementSku() == null || request.replacementSku().isBlank()) {
                throw new InvalidRequestException("replacementSku");
            }
            var quantity = ShopJson.quantity(request.quantity());
            if (quantity < 1) {
                throw new InvalidRequestException("quantity");
            }
            var grounds = ShopJson.grounds(request.reason(), request.note());
            return exchanges.requestForShopper(number, request.sku().strip(), request.replacementSku(), quantity,
                    grounds, recorded);
        });
    }

    private interface Claim {
        /** @param recorded to run last in the transaction that records the claim */
        OrderView ask(byte[] body, Runnable recorded);
    }

    /**
     * The caller's own order first (404 otherwise, before any key is looked at: nothing is learnt of someone else's
     * order), then the claim once per key, in a scope of the order and the caller.
     */
    private ResponseEntity<String> once(String number, String kind, byte[] body, @Nullable String key,
            @Nullable String token, @Nullable Jwt jwt, Locale locale, Claim claim) {
        var member = Shoppers.member(jwt);
        orders.findForShopper(number, member, token).orElseThrow(() -> new UnknownOrderException(number));
        var scope = "claims:" + number + ":" + kind + ":" + (member != null ? "member:" + member
                : "order:" + IdempotentResponses.sha256(token == null ? "" : token));
        // The claim is recorded under the key in the order's transaction: when this node dies before answering, a
        // retry after the key's lease answers with the order as it is, never asks a second time.
        return responses.once(scope, IdempotentResponses.require(key), body, locale, HttpStatus.OK, (bytes, hold) -> {
            var order = claim.ask(bytes, () -> keys.record(hold, number, null));
            return ShopJson.OrderJson.of(order, orders.claimableUntil(order));
        }, effect -> {
            var order = orders.find(effect.ref()).orElseThrow(() -> new UnknownOrderException(effect.ref()));
            return ShopJson.OrderJson.of(order, orders.claimableUntil(order));
        }, answer -> null);
    }
}
