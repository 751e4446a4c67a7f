package dev.onshore.was.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.TestSmtp;
import dev.onshore.was.claims.ExchangeClaims;
import dev.onshore.was.orders.OrderDesk;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderStatus;
import dev.onshore.was.orders.ReturnRequested;
import dev.onshore.was.orders.Shipment;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Return and exchange mails through a real SMTP server: an Indonesian shopper who asks to return a delivered order
 * through the store API hears, in Bahasa Indonesia, that the request arrived (the lines, the reason, the note, what
 * happens next) and then that it was approved; a Korean shopper hears in Korean of each step of an exchange, up to the
 * replacement's tracking number. An event delivered again sends nothing twice.
 */
class ClaimMailsIntegrationTests extends MailTestSupport {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    @Autowired
    OrderManagement orders;

    @Autowired
    OrderDesk desk;

    @Autowired
    ExchangeClaims exchanges;

    @Test
    void aReturnAskedForThroughTheStoreApiAndApprovedMailsTheShopperInIndonesianOnceEach() throws Exception {
        var email = "return-" + UUID.randomUUID() + "@example.com";
        var order = delivered(email, "id", "HS-VITC-1000", 2);
        var total = orders.find(order.number()).orElseThrow().total();

        assertStatus(mvc.perform(post("/api/shop/v1/orders/{number}/return", order.number())
                .header("Order-Token", order.accessToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"DAMAGED\",\"note\":\"Segelnya robek, isinya tumpah {sedikit}\"}")).andReturn(),
                200);

        var requested = awaitMail(email, "RETURN_REQUESTED");
        assertThat(requested.getSubject())
                .isEqualTo("Permintaan pengembalian pesanan " + order.number() + " telah kami terima");
        assertThat(requested.getHeader("Content-Language")).containsExactly("id-ID");
        assertThat(requested.getHeader("X-Onshore-Order")).containsExactly(order.number());
        var text = part(requested, "text/plain");
        assertThat(text).contains("untuk mengembalikan pesanan " + order.number() + " berisi 2 barang")
                .contains("Alasan: Rusak saat diterima")
                // The shopper's words as they wrote them, braces and all: an argument, never a pattern.
                .contains("Catatan Anda: “Segelnya robek, isinya tumpah {sedikit}”")
                .contains("Langkah selanjutnya:").contains("seluruh jumlah " + total.format(INDONESIAN))
                .contains("2 × ");
        assertThat(part(requested, "text/html")).contains("lang=\"id-ID\"").contains("Rusak saat diterima");

        // The registry delivers at least once: the same ReturnRequested again sends no second mail.
        redeliver(ReturnRequested.class, order.number());
        assertThat(mails(email, "RETURN_REQUESTED")).hasSize(1);

        desk.approveReturn(order.number(), "it-operator");
        var approved = awaitMail(email, "RETURN_APPROVED");
        assertThat(approved.getSubject()).isEqualTo("Pengembalian pesanan " + order.number() + " disetujui");
        assertThat(part(approved, "text/plain")).contains("Kami telah menyetujui pengembalian pesanan "
                + order.number()).contains("seluruh jumlah " + total.format(INDONESIAN) + " dikembalikan")
                .doesNotContain("Alasan:");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM notification_sent WHERE order_number = ? AND kind LIKE 'RETURN%'""")
                .param(order.number()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void anExchangeMailsAKoreanShopperWhenAskedForApprovedAndWhenTheReplacementLeaves() throws Exception {
        var email = "exchange-" + UUID.randomUUID() + "@example.com";
        var order = delivered(email, "ko", "HS-PROBIO-50B-30", 2);

        assertStatus(mvc.perform(post("/api/shop/v1/orders/{number}/exchange", order.number())
                .header("Order-Token", order.accessToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"sku":"HS-PROBIO-50B-30","replacementSku":"HS-PROBIO-50B-60","quantity":1,
                         "reason":"OTHER_VARIANT"}""")).andReturn(), 200);
        var requested = awaitMail(email, "EXCHANGE_REQUESTED");
        assertThat(requested.getSubject()).isEqualTo("주문 " + order.number() + "의 교환 요청이 접수되었습니다");
        assertThat(requested.getHeader("Content-Language")).containsExactly("ko-ID");
        // The replacement by the name the shop gives it in Korean, not by its SKU.
        var sixty = exchanges.replacements("HS-PROBIO-50B-30", "ID", "ko").stream()
                .filter(replacement -> replacement.sku().equals("HS-PROBIO-50B-60")).findFirst().orElseThrow().label();
        assertThat(sixty).isNotBlank().isNotEqualTo("HS-PROBIO-50B-60");
        assertThat(part(requested, "text/plain")).contains("사유: 다른 옵션으로 교환 희망")
                .contains("× 1  " + sixty + "(으)로 교환").doesNotContain("HS-PROBIO-50B-60").contains("앞으로의 진행:")
                .doesNotContain("남기신 메모");

        exchanges.approve(order.number(), "kim");
        var approved = awaitMail(email, "EXCHANGE_APPROVED");
        assertThat(approved.getSubject()).isEqualTo("주문 " + order.number() + "의 교환이 승인되었습니다");

        exchanges.receive(order.number(), "kim");
        exchanges.ship(order.number(), new Shipment("CJ", "6012-7777-0001"), "kim");
        var shipped = awaitMail(email, "EXCHANGE_SHIPPED");
        assertThat(shipped.getSubject()).isEqualTo("주문 " + order.number() + "의 교환 상품이 발송되었습니다");
        assertThat(part(shipped, "text/plain")).contains("CJ에 인계되었습니다. 운송장 번호: 6012-7777-0001.");

        // Receiving the returned unit is no news to the shopper: the replacement's shipment follows it.
        assertThat(TestSmtp.receivedBy(email).stream().map(ClaimMailsIntegrationTests::kind)
                .filter(kind -> kind.startsWith("EXCHANGE"))).containsExactly("EXCHANGE_REQUESTED",
                "EXCHANGE_APPROVED", "EXCHANGE_SHIPPED");
    }

    /**
     * A guest's order of {@code quantity} × {@code sku} in Indonesia, placed in {@code language} with {@code email},
     * paid on the sandbox's page, then prepared, shipped and delivered by an operator.
     */
    private Delivered delivered(String email, String language, String sku, int quantity) throws Exception {
        var token = cart("ID");
        assertStatus(add(token, sku, quantity), 200);
        var placed = mvc.perform(post("/api/shop/v1/orders").param("lang", language).header("Cart-Token", token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content(checkout("ID").replace("ani@example.com", email))).andReturn();
        assertStatus(placed, 201);
        var body = placed.getResponse().getContentAsString();
        String number = JsonPath.read(body, "$.order.number");
        assertStatus(mvc.perform(post(URI.create(JsonPath.<String>read(body, "$.paymentUrl")).getPath() + "/pay"))
                .andReturn(), 303);
        await("order " + number + " to be paid", () -> orders.find(number).orElseThrow().status() == OrderStatus.PAID);
        desk.startPreparing(number, "it-operator");
        desk.ship(number, new Shipment("JNE", "JNE00" + number.substring(number.length() - 4)), "it-operator");
        desk.markDelivered(number, "it-operator");
        return new Delivered(number, JsonPath.read(body, "$.accessToken"));
    }

    /** A delivered guest order: its number and the guest's access token. */
    private record Delivered(String number, String accessToken) {
    }

    private static MimeMessage awaitMail(String email, String kind) throws InterruptedException {
        await("the " + kind + " mail", () -> !mails(email, kind).isEmpty());
        return mails(email, kind).getFirst();
    }

    private static List<MimeMessage> mails(String email, String kind) {
        return TestSmtp.receivedBy(email).stream().filter(message -> kind(message).equals(kind)).toList();
    }

    private static String kind(MimeMessage message) {
        try {
            var header = message.getHeader("X-Onshore-Mail");
            return header == null ? "" : header[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
