package dev.onshore.was.orders.web;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.OperatorHeader;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.orders.OrderDesk;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderQuery;
import dev.onshore.was.orders.OrderRefusals;
import dev.onshore.was.orders.OrderStatus;
import dev.onshore.was.orders.OrderSummary;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.PaymentState;
import dev.onshore.was.orders.Shipment;
import dev.onshore.was.orders.UnknownOrderException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders for operators (admin API): search by market, status, payment and the day placed (a day in the operator's
 * zone, KST unless told otherwise), the order with its timeline, and the operator's moves. Order managers (and
 * ADMIN) move orders; finance may also refund; viewers read.
 */
@RestController
@RequestMapping("/api/admin/orders")
@AdminAccess(OperatorRole.ORDER_MANAGER)
@OrderRefusals
class OrdersAdminController {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private final OrderDesk desk;
    private final OrderManagement orders;

    OrdersAdminController(OrderDesk desk, OrderManagement orders) {
        this.desk = desk;
        this.orders = orders;
    }

    /** Finance reads orders too: it refunds them. */
    @GetMapping
    @AdminAccess({OperatorRole.ORDER_MANAGER, OperatorRole.FINANCE})
    OrderSummary.Page search(@RequestParam(required = false) @Nullable String market,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String payment,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String zone, @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "50") String size) {
        var problems = new ArrayList<InvalidInputException.Problem>();
        var marketCode = blankToNull(market);
        if (marketCode != null && !marketCode.matches("[A-Z]{2}")) {
            problems.add(new InvalidInputException.Problem("market", "pattern"));
        }
        var orderStatus = parse(OrderStatus.class, status, "status", problems);
        var paymentState = parse(PaymentState.class, payment, "payment", problems);
        var timeZone = zone(zone, problems);
        var fromDay = day(from, "from", problems);
        var toDay = day(to, "to", problems);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.add(new InvalidInputException.Problem("to", "range"));
        }
        int pageNumber = number(page, "page", 0, 100_000, problems);
        int pageSize = number(size, "size", 1, 200, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant placedFrom = fromDay == null ? null : fromDay.atStartOfDay(timeZone).toInstant();
        Instant placedUntil = toDay == null ? null : toDay.plusDays(1).atStartOfDay(timeZone).toInstant();
        return desk.search(new OrderQuery(marketCode, orderStatus, paymentState, placedFrom, placedUntil, pageNumber,
                pageSize));
    }

    @GetMapping("/{number}")
    @AdminAccess({OperatorRole.ORDER_MANAGER, OperatorRole.FINANCE})
    OrderView order(@PathVariable String number) {
        return orders.find(number).orElseThrow(() -> new UnknownOrderException(number));
    }

    @PostMapping("/{number}/preparation")
    OrderView prepare(@PathVariable String number, @RequestHeader(name = OperatorHeader.NAME, required = false)
            @Nullable String operator) {
        return desk.startPreparing(number, OperatorHeader.require(operator));
    }

    /** {@code {"carrier": "CJ대한통운", "trackingNumber": "6012-3456-7890"}}. */
    record ShipmentBody(@Nullable String carrier, @Nullable String trackingNumber) {
    }

    @PostMapping("/{number}/shipment")
    OrderView ship(@PathVariable String number, @RequestBody ShipmentBody body,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator) {
        var by = OperatorHeader.require(operator);
        var problems = new ArrayList<InvalidInputException.Problem>();
        var carrier = body.carrier() == null ? "" : body.carrier().strip();
        if (carrier.isEmpty()) {
            problems.add(new InvalidInputException.Problem("carrier", "required"));
        } else if (carrier.length() > 40) {
            problems.add(new InvalidInputException.Problem("carrier", "tooLong"));
        }
        var tracking = body.trackingNumber() == null ? "" : body.trackingNumber().strip();
        if (tracking.isEmpty()) {
            problems.add(new InvalidInputException.Problem("trackingNumber", "required"));
        } else if (!tracking.matches("[A-Za-z0-9-]{4,64}")) {
            problems.add(new InvalidInputException.Problem("trackingNumber", "pattern"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return desk.ship(number, new Shipment(carrier, tracking), by);
    }

    @PostMapping("/{number}/delivery")
    OrderView deliver(@PathVariable String number, @RequestHeader(name = OperatorHeader.NAME, required = false)
            @Nullable String operator) {
        return desk.markDelivered(number, OperatorHeader.require(operator));
    }

    /** {@code {"reason": "out of stock"}}. */
    record ReasonBody(@Nullable String reason) {
    }

    @PostMapping("/{number}/cancellation")
    OrderView cancel(@PathVariable String number, @RequestBody ReasonBody body,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator) {
        var by = OperatorHeader.require(operator);
        return desk.cancel(number, reason(body.reason()), by);
    }

    /** {@code {"amount": "120000", "reason": "damaged in transit"}}, in the order's currency. */
    record RefundBody(@Nullable BigDecimal amount, @Nullable String reason) {
    }

    @PostMapping("/{number}/refunds")
    @AdminAccess({OperatorRole.ORDER_MANAGER, OperatorRole.FINANCE})
    OrderView refund(@PathVariable String number, @RequestBody RefundBody body,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator) {
        var by = OperatorHeader.require(operator);
        var order = order(number);
        var problems = new ArrayList<InvalidInputException.Problem>();
        var amount = body.amount();
        var left = order.total().minus(order.refunded());
        if (amount == null) {
            problems.add(new InvalidInputException.Problem("amount", "required"));
        } else if (amount.signum() <= 0) {
            problems.add(new InvalidInputException.Problem("amount", "positive"));
        } else if (amount.compareTo(left.amount()) > 0 || amount.scale() > 4) {
            problems.add(new InvalidInputException.Problem("amount", "range"));
        }
        String reason = null;
        try {
            reason = reason(body.reason());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return desk.refund(number, Money.of(Objects.requireNonNull(amount), order.total().currency()),
                Objects.requireNonNull(reason), by);
    }

    @PostMapping("/{number}/return/request")
    OrderView requestReturn(@PathVariable String number, @RequestHeader(name = OperatorHeader.NAME,
            required = false) @Nullable String operator) {
        return desk.requestReturn(number, OperatorHeader.require(operator));
    }

    @PostMapping("/{number}/return/approval")
    OrderView approveReturn(@PathVariable String number, @RequestHeader(name = OperatorHeader.NAME,
            required = false) @Nullable String operator) {
        return desk.approveReturn(number, OperatorHeader.require(operator));
    }

    @PostMapping("/{number}/return/receipt")
    OrderView receiveReturn(@PathVariable String number, @RequestHeader(name = OperatorHeader.NAME,
            required = false) @Nullable String operator) {
        return desk.receiveReturn(number, OperatorHeader.require(operator));
    }

    private static String reason(@Nullable String reason) {
        var text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("reason", "required");
        }
        if (text.length() > 160) {
            throw new InvalidInputException("reason", "tooLong");
        }
        return text;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field,
            List<InvalidInputException.Problem> problems) {
        var text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(new InvalidInputException.Problem(field, "unknown"));
            return null;
        }
    }

    private static ZoneId zone(@Nullable String value, List<InvalidInputException.Problem> problems) {
        var text = blankToNull(value);
        if (text == null) {
            return KST;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException unknown) {
            problems.add(new InvalidInputException.Problem("zone", "unknown"));
            return KST;
        }
    }

    private static @Nullable LocalDate day(@Nullable String value, String field,
            List<InvalidInputException.Problem> problems) {
        var text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException malformed) {
            problems.add(new InvalidInputException.Problem(field, "pattern"));
            return null;
        }
    }

    private static int number(String value, String field, int min, int max,
            List<InvalidInputException.Problem> problems) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException malformed) {
            // reported below
        }
        problems.add(new InvalidInputException.Problem(field, "range"));
        return min;
    }
}
