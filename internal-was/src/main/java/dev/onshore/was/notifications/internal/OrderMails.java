package dev.onshore.was.notifications.internal;

import dev.onshore.was.claims.ExchangeClaims;
import dev.onshore.was.orders.ExchangeApproved;
import dev.onshore.was.orders.ExchangeRequested;
import dev.onshore.was.orders.ExchangeShipped;
import dev.onshore.was.orders.OrderCancelled;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderPaid;
import dev.onshore.was.orders.OrderPlaced;
import dev.onshore.was.orders.OrderShipped;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.ReturnApproved;
import dev.onshore.was.orders.ReturnRequested;
import dev.onshore.was.payments.RefundIssued;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Mails the shopper when their order is placed, paid, shipped, cancelled or refunded, and when they ask for a return
 * or an exchange, when it is approved and when an exchange's replacement is shipped (a return ends with the refund's
 * mail). The listeners run without a transaction of their own: the order is read in the short transaction that
 * claims its mail, and the mail goes out once per event through {@link MailDelivery}, which never holds a pool
 * connection while the relay is talked to; on the mail executor,
 * apart from the other listeners. A redelivered event sends nothing; a mail that could not be sent leaves the event
 * publication incomplete, and it is retried.
 */
@Component
class OrderMails {

    private static final Logger log = LoggerFactory.getLogger(OrderMails.class);

    private final OrderManagement orders;
    private final ExchangeClaims exchanges;
    private final MailTexts texts;
    private final MailDelivery delivery;

    OrderMails(OrderManagement orders, ExchangeClaims exchanges, MailTexts texts, MailDelivery delivery) {
        this.orders = orders;
        this.exchanges = exchanges;
        this.texts = texts;
        this.delivery = delivery;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    @Async(MailDelivery.EXECUTOR)
    void on(OrderPlaced placed) {
        mail(placed.eventId().toString(), MailKind.PLACED, placed.orderNumber(), Map.of());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    @Async(MailDelivery.EXECUTOR)
    void on(OrderPaid paid) {
        mail(paid.eventId().toString(), MailKind.PAID, paid.orderNumber(), Map.of("paidAt", paid.occurredAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    @Async(MailDelivery.EXECUTOR)
    void on(OrderShipped shipped) {
        mail(shipped.eventId().toString(), MailKind.SHIPPED, shipped.orderNumber(), Map.of("carrier",
                shipped.carrier(), "tracking", shipped.trackingNumber(), "shippedAt", shipped.occurredAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    @Async(MailDelivery.EXECUTOR)
    void on(OrderCancelled cancelled) {
        mail(cancelled.eventId().toString(), MailKind.CANCELLED, cancelled.orderNumber(), Map.of("reason",
                cancelled.reason(), "refundDue", cancelled.refundDue(), "cancelledAt", cancelled.occurredAt()));
    }

    /** Keyed by the provider's refund id: the payments area publishes one event per refund. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    @Async(MailDelivery.EXECUTOR)
    void on(RefundIssued refund) {
        mail(refund.provider() + ":" + refund.providerRefundId(), MailKind.REFUNDED, refund.orderReference(),
                Map.of("amount", refund.amount(), "refundedAt", refund.issuedAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    @Async(MailDelivery.EXECUTOR)
    void on(ReturnRequested requested) {
        mail(requested.eventId().toString(), MailKind.RETURN_REQUESTED, requested.orderNumber(),
                Map.of("requestedAt", requested.occurredAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    @Async(MailDelivery.EXECUTOR)
    void on(ReturnApproved approved) {
        mail(approved.eventId().toString(), MailKind.RETURN_APPROVED, approved.orderNumber(),
                Map.of("approvedAt", approved.occurredAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    @Async(MailDelivery.EXECUTOR)
    void on(ExchangeRequested requested) {
        mail(requested.eventId().toString(), MailKind.EXCHANGE_REQUESTED, requested.orderNumber(),
                Map.of("requestedAt", requested.occurredAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    @Async(MailDelivery.EXECUTOR)
    void on(ExchangeApproved approved) {
        mail(approved.eventId().toString(), MailKind.EXCHANGE_APPROVED, approved.orderNumber(),
                Map.of("approvedAt", approved.occurredAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    @Async(MailDelivery.EXECUTOR)
    void on(ExchangeShipped shipped) {
        mail(shipped.eventId().toString(), MailKind.EXCHANGE_SHIPPED, shipped.orderNumber(), Map.of("carrier",
                shipped.carrier(), "tracking", shipped.trackingNumber(), "shippedAt", shipped.occurredAt()));
    }

    /**
     * The facts with {@code replacement}: the name the shop gives the exchange's replacement in the shopper's language
     * (its variant's label), or its SKU when the market no longer sells it.
     */
    private Map<String, ?> withReplacement(OrderView order, String language, Map<String, ?> facts) {
        var exchange = order.exchange();
        if (exchange == null) {
            return facts;
        }
        var replacement = exchanges.replacements(exchange.sku(), order.market(), language).stream()
                .filter(candidate -> candidate.sku().equals(exchange.replacementSku())).findFirst()
                .map(ExchangeClaims.Replacement::label).orElse(exchange.replacementSku());
        var known = new LinkedHashMap<String, Object>(facts);
        known.put("replacement", replacement);
        return known;
    }

    private void mail(String eventKey, MailKind kind, String number, Map<String, ?> facts) {
        var outcome = delivery.sendOnce(eventKey, kind, number, () -> {
            var order = orders.find(number).orElse(null);
            var recipient = orders.recipient(number).orElse(null);
            if (order == null || recipient == null) {
                log.warn("No {} mail for unknown order {}", kind, number);
                return null;
            }
            if (recipient.email().isBlank()) {
                // An order imported from a marketplace without the buyer's address: the marketplace tells its buyer.
                log.info("No {} mail for order {}: it has no email address", kind, number);
                return null;
            }
            return new MailDelivery.Draft(recipient.email(), () -> texts.composeOrder(kind, order, recipient,
                    kind.exchange() ? withReplacement(order, recipient.language(), facts) : facts));
        });
        switch (outcome) {
            case SENT -> log.info("Sent the {} mail of order {}", kind, number);
            case SENT_BEFORE -> log.info("The {} mail of order {} was sent before (event {} delivered again)", kind,
                    number, eventKey);
            case NOTHING_TO_SEND -> {
            }
        }
    }
}
