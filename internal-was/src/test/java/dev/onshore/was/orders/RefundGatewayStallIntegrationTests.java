package dev.onshore.was.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.payments.PaymentGateway;
import dev.onshore.was.payments.RefundRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Refunds talk to the payment gateway with no transaction open: the refund is claimed (its idempotency key
 * recorded) in one short transaction, the gateway is called, and its answer is recorded in another. A gateway that
 * stalls therefore holds no pool connection while orders keep coming in; a node that dies after the gateway refunded
 * and before the answer was recorded leaves the claim behind, and the event's next delivery asks the gateway again
 * with the same key, so the money goes back once.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=6",
        "spring.datasource.hikari.connection-timeout=5000", "onshore.events.listeners.concurrency=3",
        "onshore.mail.concurrency=2",
        "onshore.events.retry-after=PT1S", "onshore.events.retry-every=PT1S"})
class RefundGatewayStallIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-VITC-1000";

    /** The sandbox gateway, its refunds held back for the orders a test stalls. */
    @MockitoSpyBean(name = "sandboxGateway")
    PaymentGateway sandbox;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private final Map<String, CountDownLatch> stalled = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> reached = new ConcurrentHashMap<>();

    @BeforeEach
    void stallRefundsOfChosenOrders() {
        doAnswer(call -> {
            var request = call.<RefundRequest>getArgument(0);
            var arrived = reached.get(request.orderReference());
            if (arrived != null) {
                arrived.countDown();
            }
            var stall = stalled.get(request.orderReference());
            if (stall != null) {
                stall.await();
            }
            return call.callRealMethod();
        }).when(sandbox).refund(any());
    }

    @Test
    void aStalledGatewayHoldsNoPoolConnectionWhileOrdersGoOnAndTheRefundLandsOnceItAnswers() throws Exception {
        var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        var order = paidOrder();
        var stall = new CountDownLatch(1);
        stalled.put(order.number(), stall);
        reached.put(order.number(), new CountDownLatch(1));
        try {
            cancel(order);
            await("the refund to reach the gateway", () -> reached.get(order.number()).getCount() == 0);
            // The refund listener waits on the gateway: it used to do so inside its transaction, on a connection.
            await("no pool connection held while the gateway stalls", () -> pool.getActiveConnections() == 0);
            for (int i = 0; i < 3; i++) {
                var token = cart("ID");
                assertStatus(add(token, SKU, 1), 200);
                assertStatus(placeOrder(token, UUID.randomUUID().toString(), checkout("ID")), 201);
            }
            assertThat(refundRows(order.number())).as("the claim, recorded before the gateway was asked")
                    .containsExactly("REQUESTED");
        } finally {
            stall.countDown();
        }
        await("the refund", () -> refundedInFull(order));
        assertThat(refundRows(order.number())).containsExactly("SETTLED");
        assertThat(refundsAsked(order.number())).containsExactly("cancel-" + order.number());
    }

    @Test
    void aRefundWhoseAnswerWasNotRecordedIsResumedWithTheSameKeyAndRefundsOnce() throws Exception {
        var order = paidOrder();
        // The node "dies" after the gateway refunded, before the answer is recorded: recording fails until the
        // trigger is dropped, as it would until the node is back.
        var trigger = "it_refund_unrecorded_" + order.number().replaceAll("[^A-Za-z0-9]", "_");
        jdbc.sql("""
                CREATE TRIGGER %s BEFORE UPDATE ON payment_refund FOR EACH ROW
                BEGIN
                  IF NEW.order_number = '%s' THEN
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the node died before recording the refund';
                  END IF;
                END""".formatted(trigger, order.number())).update();
        try {
            reached.put(order.number(), new CountDownLatch(2));
            cancel(order);
            // The event is delivered again (EventRetries) and the gateway asked again, with the same key.
            await("the gateway asked twice", () -> reached.get(order.number()).getCount() == 0);
            assertThat(refundRows(order.number())).as("the claim survives the failed recording")
                    .containsExactly("REQUESTED");
            assertThat(refunded(order)).isZero();
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS " + trigger).update();
        }
        await("the refund", () -> refundedInFull(order));
        Thread.sleep(1500); // a delivery still under way would refund again now
        assertThat(refundRows(order.number())).containsExactly("SETTLED");
        assertThat(refundedInFull(order)).as("refunded once, not twice").isTrue();
        assertThat(refundsAsked(order.number())).hasSizeGreaterThanOrEqualTo(2)
                .containsOnly("cancel-" + order.number());
    }

    private record PaidOrder(String number, String accessToken) {
    }

    /** An order placed and paid through the sandbox's hosted page (its webhook comes back over HTTP). */
    private PaidOrder paidOrder() throws Exception {
        var body = order(SKU, 1);
        var order = new PaidOrder(JsonPath.read(body, "$.order.number"), JsonPath.read(body, "$.accessToken"));
        var paymentUrl = URI.create(JsonPath.read(body, "$.paymentUrl"));
        assertStatus(mvc.perform(post(paymentUrl.getPath() + "/pay")).andReturn(), 303);
        await("the order to be paid", () -> "PAID".equals(read(order, "$.status")));
        return order;
    }

    private void cancel(PaidOrder order) throws Exception {
        assertStatus(mvc.perform(post("/api/shop/v1/orders/" + order.number() + "/cancel")
                .header("Order-Token", order.accessToken())).andReturn(), 200);
    }

    private boolean refundedInFull(PaidOrder order) {
        var refunded = refunded(order);
        return refunded.signum() > 0 && refunded.compareTo(new BigDecimal(read(order, "$.total.amount"))) == 0;
    }

    private BigDecimal refunded(PaidOrder order) {
        return new BigDecimal(read(order, "$.refunded.amount"));
    }

    private String read(PaidOrder order, String path) {
        try {
            var json = mvc.perform(get("/api/shop/v1/orders/" + order.number())
                    .header("Order-Token", order.accessToken())).andReturn().getResponse().getContentAsString();
            return JsonPath.read(json, path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> refundRows(String number) {
        return jdbc.sql("SELECT state FROM payment_refund WHERE order_number = ?").param(number)
                .query(String.class).list();
    }

    /** The idempotency keys the gateway was asked to refund this order with, one per call. */
    private List<String> refundsAsked(String number) {
        return Mockito.mockingDetails(sandbox).getInvocations().stream()
                .filter(call -> call.getMethod().getName().equals("refund"))
                .map(call -> call.<RefundRequest>getArgument(0))
                .filter(request -> request.orderReference().equals(number))
                .map(RefundRequest::idempotencyKey).toList();
    }
}
