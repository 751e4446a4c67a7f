package dev.onshore.was.claims.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.OperatorHeader;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.claims.ExchangeClaims;
import dev.onshore.was.orders.OrderRefusals;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.Shipment;
import java.util.ArrayList;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An order's exchange (admin API): request, approval (the replacement's stock taken), receipt (the returned units back
 * in stock) and the replacement's shipment. Order managers and ADMIN.
 */
@RestController
@RequestMapping("/api/admin/orders/{number}/exchange")
@AdminAccess(OperatorRole.ORDER_MANAGER)
@OrderRefusals
class ExchangesAdminController {

    private final ExchangeClaims exchanges;

    ExchangesAdminController(ExchangeClaims exchanges) {
        this.exchanges = exchanges;
    }

    /** {@code {"sku": "HS-TEE-1-M", "replacementSku": "HS-TEE-1-L", "quantity": 1}}. */
    record ExchangeRequest(@Nullable String sku, @Nullable String replacementSku, @Nullable Integer quantity) {
    }

    @PostMapping("/request")
    OrderView request(@PathVariable String number, @RequestBody ExchangeRequest body,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator) {
        var by = OperatorHeader.require(operator);
        var problems = new ArrayList<InvalidInputException.Problem>();
        if (body.sku() == null || body.sku().isBlank()) {
            problems.add(new InvalidInputException.Problem("sku", "required"));
        }
        if (body.replacementSku() == null || body.replacementSku().isBlank()) {
            problems.add(new InvalidInputException.Problem("replacementSku", "required"));
        }
        if (body.quantity() == null || body.quantity() < 1) {
            problems.add(new InvalidInputException.Problem("quantity", "positive"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            return exchanges.request(number, Objects.requireNonNull(body.sku()).strip(),
                    Objects.requireNonNull(body.replacementSku()), Objects.requireNonNull(body.quantity()), by);
        } catch (IllegalArgumentException e) {
            var field = Objects.requireNonNullElse(e.getMessage(), "sku");
            throw new InvalidInputException(field, switch (field) {
                case "quantity" -> "range";
                case "replacementSku" -> "sameProduct";
                default -> "unknown";
            });
        }
    }

    @PostMapping("/approval")
    OrderView approve(@PathVariable String number,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator) {
        return exchanges.approve(number, OperatorHeader.require(operator));
    }

    @PostMapping("/receipt")
    OrderView receive(@PathVariable String number,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator) {
        return exchanges.receive(number, OperatorHeader.require(operator));
    }

    /** {@code {"carrier": "CJ대한통운", "trackingNumber": "6012-3456-7891"}}: the replacement's own parcel. */
    record ShipmentBody(@Nullable String carrier, @Nullable String trackingNumber) {
    }

    @PostMapping("/shipment")
    OrderView ship(@PathVariable String number, @RequestBody ShipmentBody body,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator) {
        var by = OperatorHeader.require(operator);
        var problems = new ArrayList<InvalidInputException.Problem>();
        var carrier = body.carrier() == null ? "" : body.carrier().strip();
        if (carrier.isEmpty() || carrier.length() > 40) {
            problems.add(new InvalidInputException.Problem("carrier", carrier.isEmpty() ? "required" : "tooLong"));
        }
        var tracking = body.trackingNumber() == null ? "" : body.trackingNumber().strip();
        if (!tracking.matches("[A-Za-z0-9-]{4,64}")) {
            problems.add(new InvalidInputException.Problem("trackingNumber",
                    tracking.isEmpty() ? "required" : "pattern"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return exchanges.ship(number, new Shipment(carrier, tracking), by);
    }
}
