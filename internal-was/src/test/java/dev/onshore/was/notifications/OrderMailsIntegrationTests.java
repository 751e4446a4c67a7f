package dev.onshore.was.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.i18n.money.Money;
import dev.onshore.i18n.time.ViewerTime;
import dev.onshore.was.EdgeHop;
import dev.onshore.was.TestSmtp;
import dev.onshore.was.orders.OrderPaid;
import dev.onshore.was.orders.OrderShipped;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Order mails through a real SMTP server: a shopper in Indonesia, whose edge says they are in Makassar, gets their
 * mails in Bahasa Indonesia with rupiah amounts and Makassar times, from confirmation to refund; an event delivered
 * again sends nothing twice.
 */
class OrderMailsIntegrationTests extends MailTestSupport {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final ZoneId MAKASSAR = ZoneId.of("Asia/Makassar");

    @Autowired
    JavaMailSenderImpl smtp;

    @Test
    void anOrderPlacedPaidShippedAndCancelledInIndonesianYieldsIndonesianMailsInTheShoppersZoneOnceEach() throws Exception {
        var email = "mail-" + UUID.randomUUID() + "@example.com";
        var token = cart("ID");
        assertStatus(add(token, "HS-VITC-1000", 2), 200);
        var placed = mvc.perform(post("/api/shop/v1/orders").header("Cart-Token", token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Accept-Language", "id-ID")
                .header("X-Onshore-TimeZone", MAKASSAR.getId()).contentType(MediaType.APPLICATION_JSON)
                .content(checkout("ID").replace("ani@example.com", email)).with(EdgeHop.signed())).andReturn();
        assertStatus(placed, 201);
        var body = placed.getResponse().getContentAsString();
        String number = JsonPath.read(body, "$.order.number");
        String accessToken = JsonPath.read(body, "$.accessToken");
        var total = Money.of(JsonPath.<String>read(body, "$.order.total.amount"), "IDR");
        var placedAt = Instant.parse(JsonPath.read(body, "$.order.placedAt"));

        await("the confirmation mail", () -> TestSmtp.receivedBy(email).size() == 1);
        var confirmation = TestSmtp.receivedBy(email).getFirst();
        assertThat(confirmation.getSubject()).isEqualTo("Pesanan " + number + " Anda telah kami terima");
        assertThat(confirmation.getHeader("Content-Language")).containsExactly("id-ID");
        assertThat(confirmation.getHeader("X-Onshore-Order")).containsExactly(number);
        assertThat(confirmation.getHeader("X-Onshore-Mail")).containsExactly("PLACED");
        var text = part(confirmation, "text/plain");
        var html = part(confirmation, "text/html");
        assertThat(total.format(INDONESIAN)).startsWith("Rp");
        assertThat(text).contains("Halo,").contains("berisi 2 barang").contains("Silakan bayar " + total.format(INDONESIAN))
                .contains("Termasuk PPN").contains("2 × ");
        // Times in the shopper's zone (Makassar, UTC+8), not the market's (Jakarta, UTC+7).
        assertThat(text).contains(ViewerTime.dateTime(placedAt, MAKASSAR, INDONESIAN))
                .doesNotContain(ViewerTime.dateTime(placedAt, ZoneId.of("Asia/Jakarta"), INDONESIAN));
        assertThat(html).contains("lang=\"id-ID\"").contains(total.format(INDONESIAN)).contains("Terima kasih!");
        // Written in blocks, not as quoted-printable a byte at a time (MailDelivery).
        assertThat(textEncodings(confirmation)).containsExactly("base64", "base64");

        var paymentUrl = URI.create(JsonPath.read(body, "$.paymentUrl"));
        assertStatus(mvc.perform(post(paymentUrl.getPath() + "/pay")).andReturn(), 303);
        await("the payment mail", () -> TestSmtp.receivedBy(email).size() == 2);
        var payment = TestSmtp.receivedBy(email).get(1);
        assertThat(payment.getSubject()).isEqualTo("Pembayaran pesanan " + number + " telah diterima");
        assertThat(part(payment, "text/plain")).contains("Pembayaran Anda sebesar " + total.format(INDONESIAN));

        // The registry delivers at least once: the same OrderPaid again sends no second mail.
        redeliver(OrderPaid.class, number);
        assertThat(TestSmtp.receivedBy(email)).hasSize(2);

        // Shipped (as the orders area announces it once an operator enters the carrier): carrier and tracking number.
        var shippedAt = Instant.parse("2026-12-01T03:30:00Z");
        transactions.executeWithoutResult(status -> events.publishEvent(new OrderShipped(UUID.randomUUID(), number,
                "JNE", "JNE0012345678", shippedAt)));
        await("the shipment mail", () -> TestSmtp.receivedBy(email).size() == 3);
        var shipment = TestSmtp.receivedBy(email).get(2);
        assertThat(shipment.getSubject()).isEqualTo("Pesanan " + number + " Anda sedang dikirim");
        assertThat(part(shipment, "text/plain")).contains("diserahkan ke JNE pada "
                + ViewerTime.dateTime(shippedAt, MAKASSAR, INDONESIAN) + ". Nomor resi: JNE0012345678.");

        // Cancelled after payment: a cancellation mail that says the money goes back, then the refund's own mail.
        assertStatus(mvc.perform(post("/api/shop/v1/orders/" + number + "/cancel").header("Order-Token", accessToken))
                .andReturn(), 200);
        await("the cancellation and refund mails", () -> TestSmtp.receivedBy(email).size() == 5);
        var mails = TestSmtp.receivedBy(email);
        var subjects = mails.stream().map(OrderMailsIntegrationTests::subject).toList();
        assertThat(subjects).containsExactlyInAnyOrder("Pesanan " + number + " Anda telah kami terima",
                "Pembayaran pesanan " + number + " telah diterima", "Pesanan " + number + " Anda sedang dikirim",
                "Pesanan " + number + " Anda dibatalkan",
                "Pengembalian dana pesanan " + number);
        var cancelled = mails.get(subjects.indexOf("Pesanan " + number + " Anda dibatalkan"));
        assertThat(part(cancelled, "text/plain")).contains("sesuai permintaan Anda")
                .contains("seluruh jumlah " + total.format(INDONESIAN) + " dikembalikan");
        assertThat(part(mails.get(subjects.indexOf("Pengembalian dana pesanan " + number)), "text/plain"))
                .contains("Kami telah mengembalikan " + total.format(INDONESIAN));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_sent WHERE order_number = ?").param(number)
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void aConfirmationThatFailedWhileTheMailRelayWasDownIsSentOnceTheRelayIsBack() throws Exception {
        var email = "relay-" + UUID.randomUUID() + "@example.com";
        var token = cart("ID");
        assertStatus(add(token, "HS-VITC-1000", 1), 200);
        var relay = smtp.getPort();
        String number;
        try {
            // The relay is down: a port nobody listens on refuses the connection.
            smtp.setPort(unusedPort());
            var placed = placeOrder(token, UUID.randomUUID().toString(),
                    checkout("ID").replace("ani@example.com", email));
            assertStatus(placed, 201);
            number = JsonPath.read(placed.getResponse().getContentAsString(), "$.order.number");
            await("the confirmation's failed delivery", () -> jdbc.sql("""
                    SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE serialized_event LIKE ?
                      AND listener_id LIKE '%OrderMails%' AND status = 'FAILED'""")
                    .param("%" + number + "%").query(Integer.class).single() == 1);
            assertThat(TestSmtp.receivedBy(email)).isEmpty();
        } finally {
            smtp.setPort(relay);
        }
        await("the confirmation, delivered again", () -> TestSmtp.receivedBy(email).size() == 1);
        assertThat(TestSmtp.receivedBy(email).getFirst().getHeader("X-Onshore-Order")).containsExactly(number);
        await("the publication completed", () -> jdbc.sql("""
                SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE serialized_event LIKE ?
                  AND listener_id LIKE '%OrderMails%' AND completion_date IS NOT NULL""")
                .param("%" + number + "%").query(Integer.class).single() == 1);
        assertThat(TestSmtp.receivedBy(email)).hasSize(1);
    }

    private static int unusedPort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
