package dev.onshore.was.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.orders.IllegalOrderTransitionException;
import dev.onshore.was.orders.NewOrder;
import dev.onshore.was.orders.OrderCancelled;
import dev.onshore.was.orders.OrderPaid;
import dev.onshore.was.orders.OrderPlaced;
import dev.onshore.was.orders.OrderShipped;
import dev.onshore.was.orders.OrderStatus;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.Shipment;
import dev.onshore.was.orders.ReturnStatus;
import dev.onshore.was.security.BearerTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderLifecycleUnitTests {

    private static final Instant NOW = Instant.parse("2026-06-17T03:00:00Z");

    static NewOrder newOrder() {
        var unit = Money.of("150000", "IDR");
        return new NewOrder("ID", "id", null, "ani@example.com", "Ani\nJl. Merdeka 1\nID", "standard",
                List.of(new NewOrder.Line("HS-VITC-1000", "Vitamin C 1000", unit, 2)), Money.of("300000", "IDR"),
                Money.of("25000", "IDR"), Money.of("32207", "IDR"), true, Money.of("325000", "IDR"),
                Money.of("28000", "KRW"), new BigDecimal("0.0861"), NOW, NOW.plus(Duration.ofMinutes(30)));
    }

    static Order placed() {
        return Order.place("ON260617-ABCDEFGH", newOrder(), "hash", NOW);
    }

    @Test
    void aPlacedOrderGoesThroughItsWholeLifeAndSaysSoInItsEvents() {
        var order = placed();
        assertThat(order.takeEvents()).singleElement().isInstanceOf(OrderPlaced.class);
        assertThat(order.markPaid("sandbox", "sbx-1", NOW)).isTrue();
        assertThat(order.takeEvents()).singleElement().isInstanceOf(OrderPaid.class);
        order.startPreparing(NOW);
        order.ship(new Shipment("CJ", "6012-3456-7890"), NOW);
        order.markDelivered(NOW);
        order.confirm(NOW);
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.view().history()).extracting(step -> step.status())
                .containsExactly("PLACED", "PAID", "PREPARING", "SHIPPED", "DELIVERED", "CONFIRMED");
    }

    @Test
    void anImportedMarketplaceOrderIsRefundedOnItsMarketplaceNeverThroughOurPaymentProviders() {
        var order = Order.imported("ON260617-IMPORTED", newOrder(), "coupang", "CP-1001", "kim", "hash", NOW);
        order.takeEvents();

        assertThatThrownBy(() -> order.requestRefund(Money.of("1000", "IDR"), "goodwill", NOW))
                .isInstanceOf(IllegalOrderTransitionException.class).hasMessageContaining("marketplace");
        order.cancel("buyer changed their mind", NOW);
        assertThat(order.takeEvents()).filteredOn(OrderCancelled.class::isInstance).singleElement()
                .satisfies(event -> assertThat(((OrderCancelled) event).refundDue()).isFalse());
    }

    @Test
    void aSecondCaptureChangesNothingAndPublishesNothing() {
        var order = placed();
        order.markPaid("sandbox", "sbx-1", NOW);
        order.takeEvents();
        assertThat(order.markPaid("sandbox", "sbx-1", NOW)).isFalse();
        assertThat(order.takeEvents()).isEmpty();
    }

    @Test
    void shippingAnUnpaidOrderIsRefused() {
        var order = placed();
        assertThatThrownBy(() -> order.ship(new Shipment("CJ", "6012-3456-7890"), NOW)).isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("PLACED");
        assertThatThrownBy(() -> order.startPreparing(NOW)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void cancellingAnUnpaidOrderOwesNoRefundButCancellingAPaidOneDoes() {
        var unpaid = placed();
        unpaid.takeEvents();
        unpaid.cancel("shopper", NOW);
        assertThat(unpaid.takeEvents()).singleElement().isInstanceOfSatisfying(OrderCancelled.class,
                cancelled -> assertThat(cancelled.refundDue()).isFalse());
        var paid = placed();
        paid.markPaid("sandbox", "sbx-1", NOW);
        paid.startPreparing(NOW);
        paid.takeEvents();
        paid.cancel("shopper", NOW);
        assertThat(paid.takeEvents()).singleElement().isInstanceOfSatisfying(OrderCancelled.class,
                cancelled -> assertThat(cancelled.refundDue()).isTrue());
    }

    @Test
    void aShippedOrCancelledOrderCannotBeCancelledAndACancelledOneCannotBePaid() {
        var shipped = placed();
        shipped.markPaid("sandbox", "sbx-1", NOW);
        shipped.startPreparing(NOW);
        shipped.ship(new Shipment("CJ", "6012-3456-7890"), NOW);
        assertThatThrownBy(() -> shipped.cancel("shopper", NOW)).isInstanceOf(IllegalOrderTransitionException.class);
        var cancelled = placed();
        cancelled.cancel("shopper", NOW);
        assertThatThrownBy(() -> cancelled.cancel("shopper", NOW))
                .isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> cancelled.markPaid("sandbox", "sbx-1", NOW))
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void aReturnIsRequestedApprovedReceivedAndRefundedInThatOrderOnly() {
        var order = placed();
        order.markPaid("sandbox", "sbx-1", NOW);
        assertThatThrownBy(() -> order.requestReturn(NOW)).isInstanceOf(IllegalOrderTransitionException.class);
        order.startPreparing(NOW);
        order.ship(new Shipment("CJ", "6012-3456-7890"), NOW);
        order.markDelivered(NOW);
        assertThatThrownBy(() -> order.receiveReturn(NOW)).isInstanceOf(IllegalOrderTransitionException.class);
        order.requestReturn(NOW);
        assertThatThrownBy(() -> order.confirm(NOW)).isInstanceOf(IllegalOrderTransitionException.class);
        order.approveReturn(NOW);
        order.takeEvents();
        order.receiveReturn(NOW);
        assertThat(order.takeEvents()).singleElement().isInstanceOf(Order.ReturnReceived.class);
        assertThat(order.recordRefund("rf-1", Money.of("325000", "IDR"), NOW)).isTrue();
        assertThat(order.returnStatus()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(order.refunded()).isEqualTo(Money.of("325000", "IDR"));
    }

    @Test
    void aRefundDeliveredTwiceIsRecordedOnce() {
        var order = placed();
        order.markPaid("sandbox", "sbx-1", NOW);
        order.cancel("shopper", NOW);
        assertThat(order.recordRefund("rf-1", Money.of("325000", "IDR"), NOW)).isTrue();
        assertThat(order.recordRefund("rf-1", Money.of("325000", "IDR"), NOW)).isFalse();
        assertThat(order.refunded()).isEqualTo(Money.of("325000", "IDR"));
    }

    @Test
    void anOrderIsUnpaidPastItsPayByTimeOnlyWhilePlaced() {
        var order = placed();
        assertThat(order.isUnpaidPast(NOW.plus(Duration.ofMinutes(29)))).isFalse();
        assertThat(order.isUnpaidPast(NOW.plus(Duration.ofMinutes(31)))).isTrue();
        order.markPaid("sandbox", "sbx-1", NOW);
        assertThat(order.isUnpaidPast(NOW.plus(Duration.ofMinutes(31)))).isFalse();
    }

    @Test
    void orderNumbersAreReadableAndAccessTokensAreNotStoredInClear() {
        assertThat(OrderService.number(NOW)).matches("ON260617-[0-9A-HJKMNP-TV-Z]{8}");
        var token = BearerTokens.newToken();
        assertThat(BearerTokens.hash(token)).hasSize(64).isNotEqualTo(token);
        var order = Order.place("ON1", newOrder(), BearerTokens.hash(token), NOW);
        assertThat(OrderService.mayAccess(order, null, token)).isTrue();
        assertThat(OrderService.mayAccess(order, null, token + "x")).isFalse();
        assertThat(OrderService.mayAccess(order, "someone", null)).isFalse();
    }

    @Test
    void shippingRecordsTheCarrierAndTrackingNumberAndSaysSoInOrderShipped() {
        var order = placed();
        order.markPaid("sandbox", "sbx-1", NOW);
        order.startPreparing(NOW);
        order.takeEvents();
        order.actingAs("kim").ship(new Shipment("CJ대한통운", "6012-3456-7890"), NOW);
        assertThat(order.takeEvents()).singleElement().isInstanceOfSatisfying(OrderShipped.class, shipped -> {
            assertThat(shipped.carrier()).isEqualTo("CJ대한통운");
            assertThat(shipped.trackingNumber()).isEqualTo("6012-3456-7890");
            assertThat(shipped.orderNumber()).isEqualTo(order.number());
        });
        assertThat(order.view().shipment()).isEqualTo(new Shipment("CJ대한통운", "6012-3456-7890"));
        assertThat(order.view().history().getLast()).isEqualTo(new OrderView.Step("SHIPPED", NOW, "kim"));
        assertThat(order.view().history().getFirst().by()).isNull();
    }

    @Test
    void anOperatorRefundsAtMostWhatIsLeftOfAPaidOrderAndNothingOfAnUnpaidOne() {
        var unpaid = placed();
        assertThatThrownBy(() -> unpaid.requestRefund(Money.of("1000", "IDR"), "goodwill", NOW))
                .isInstanceOf(IllegalOrderTransitionException.class);
        var order = placed();
        order.markPaid("sandbox", "sbx-1", NOW);
        order.takeEvents();
        var total = order.view().total();
        assertThatThrownBy(() -> order.requestRefund(total.plus(Money.of("1", "IDR")), "too much", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> order.requestRefund(Money.of("1", "KRW"), "wrong currency", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        order.requestRefund(Money.of("1000", "IDR"), "goodwill", NOW);
        assertThat(order.takeEvents()).singleElement().isInstanceOfSatisfying(Order.RefundRequested.class,
                requested -> assertThat(requested.amount()).isEqualTo(Money.of("1000", "IDR")));
        assertThat(order.view().history().getLast().status()).isEqualTo("REFUND_REQUESTED:1000:goodwill");
    }

    private static Order delivered(Instant at) {
        var order = placed();
        order.markPaid("sandbox", "sbx-1", at);
        order.startPreparing(at);
        order.ship(new Shipment("CJ", "6012-3456-7890"), at);
        order.markDelivered(at);
        return order;
    }

    @Test
    void aShoppersClaimIsRefusedBeforeDeliveryAfterAnotherClaimAndAfterTheWindowEachWithItsOwnException() {
        var window = Duration.ofDays(14);
        var grounds = new dev.onshore.was.orders.ClaimGrounds(dev.onshore.was.orders.ClaimReason.DAMAGED, " torn ");
        var paid = placed();
        paid.markPaid("sandbox", "sbx-1", NOW);
        assertThatThrownBy(() -> paid.requestReturn(grounds, window, NOW))
                .isInstanceOf(dev.onshore.was.orders.OrderNotDeliveredException.class);

        var claimed = delivered(NOW);
        claimed.requestReturn(grounds, window, NOW.plus(Duration.ofDays(14)));
        assertThat(claimed.returnGrounds().note()).isEqualTo("torn");
        var sku = claimed.placed().lines().getFirst().sku();
        assertThatThrownBy(() -> claimed.requestExchange(sku, sku, 1, grounds, window, NOW))
                .isInstanceOf(dev.onshore.was.orders.OrderAlreadyClaimedException.class)
                .hasMessageContaining("DELIVERED/RETURN_REQUESTED");

        var late = delivered(NOW);
        assertThatThrownBy(() -> late.requestReturn(grounds, window, NOW.plus(window).plusSeconds(1)))
                .isInstanceOf(dev.onshore.was.orders.ClaimWindowClosedException.class)
                .extracting(e -> ((dev.onshore.was.orders.ClaimWindowClosedException) e).closedAt())
                .isEqualTo(NOW.plus(window));
        assertThat(late.claimableUntil(window)).isEqualTo(NOW.plus(window));
        // An operator is not held to the window.
        late.requestReturn(NOW.plus(Duration.ofDays(30)));
        assertThat(late.returnStatus()).isEqualTo(ReturnStatus.REQUESTED);

        var confirmed = delivered(NOW);
        confirmed.confirm(NOW);
        assertThatThrownBy(() -> confirmed.requestReturn(grounds, window, NOW))
                .isInstanceOf(dev.onshore.was.orders.ClaimWindowClosedException.class);

        var exchanged = delivered(NOW);
        assertThatThrownBy(() -> exchanged.requestExchange("NO-SUCH-SKU", "NO-SUCH-SKU", 1, grounds, window, NOW))
                .isInstanceOf(dev.onshore.was.orders.ClaimLineException.class).hasMessage("sku");
        assertThatThrownBy(() -> exchanged.requestExchange(sku, sku, 99, grounds, window, NOW))
                .isInstanceOf(dev.onshore.was.orders.ClaimLineException.class).hasMessage("quantity");
        assertThat(exchanged.exchange()).isNull();
    }
}
