package dev.onshore.was;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.pii.PiiAttributeConverter;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What the buying integration tests share: one application on a real port (the sandbox's webhooks travel over
 * HTTP to it), real MariaDB, a real SMTP server (TestSmtp), the demo catalog, rates and stock, and the schedules slowed down so that tests drive
 * time themselves. Helpers speak the shop API as a headless client would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "onshore.inventory.sweep-every=PT1H", "onshore.orders.unpaid-check=PT1H",
        "onshore.payments.sandbox.retry-backoff=PT0.1S", "onshore.payments.sandbox.secret=it-sandbox-secret"})
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "it"})
public abstract class ShopTestSupport {

    protected static final String SANDBOX_SECRET = "it-sandbox-secret";

    @Autowired
    protected MockMvc mvc;

    /** Decrypts personal columns (order recipients, profiles) for assertions. */
    @Autowired
    protected PiiAttributeConverter pii;

    @Autowired
    private JdbcClient rows;

    @Autowired
    private dev.onshore.was.orders.OrderDesk desk;

    @Autowired
    private dev.onshore.was.orders.OrderManagement orderManagement;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestPiiKeys.register(registry);
        OperatorsRealm.register(registry);
        TestSmtp.register(registry);
    }

    /**
     * How many orders were placed with this e-mail address (ignoring case and surrounding blanks); the column is
     * encrypted, so every order's address is decrypted.
     */
    protected long ordersTo(String email) {
        var wanted = email.strip().toLowerCase(Locale.ROOT);
        return rows.sql("SELECT email FROM shop_order").query(String.class).stream()
                .map(pii::convertToEntityAttribute).filter(stored -> stored != null
                        && stored.strip().toLowerCase(Locale.ROOT).equals(wanted)).count();
    }

    /** The hex SHA-256 of the text, as the idempotency scopes and request hashes are written. */
    protected static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String address(String country) {
        return switch (country) {
            case "ID" -> """
                    {"country":"ID","recipient":"Ani Wijaya","addressLine1":"Jl. Merdeka No. 1","city":"Bandung",
                     "region":"Jawa Barat","postalCode":"40115","phone":"+62 812 0000 0000"}""";
            case "US" -> """
                    {"country":"US","recipient":"Ann Lee","addressLine1":"1 Infinite Loop","city":"Cupertino",
                     "region":"CA","postalCode":"95014","phone":"+1 408 000 0000"}""";
            default -> throw new IllegalArgumentException(country);
        };
    }

    protected static String checkout(String country) {
        return """
                {"address":%s,"shippingMethod":"standard","email":"ani@example.com"}""".formatted(address(country));
    }

    /** A new guest cart's token. */
    protected String cart(String market) throws Exception {
        var result = mvc.perform(post("/api/shop/v1/cart").contentType(MediaType.APPLICATION_JSON)
                .content("{\"market\":\"" + market + "\"}")).andReturn();
        assertStatus(result, 201);
        return JsonPath.read(result.getResponse().getContentAsString(), "$.token");
    }

    protected MvcResult add(String token, String sku, Object quantity) throws Exception {
        return mvc.perform(post("/api/shop/v1/cart/lines").header("Cart-Token", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}")).andReturn();
    }

    protected MvcResult placeOrder(String token, String key, String body) throws Exception {
        var request = post("/api/shop/v1/orders").header("Cart-Token", token).contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request).andReturn();
    }

    /** Places an order of {@code quantity} × {@code sku} in Indonesia; the response's JSON. */
    protected String order(String sku, int quantity) throws Exception {
        var token = cart("ID");
        assertStatus(add(token, sku, quantity), 200);
        var placed = placeOrder(token, UUID.randomUUID().toString(), checkout("ID"));
        assertStatus(placed, 201);
        return placed.getResponse().getContentAsString();
    }

    /** An order its shopper holds: its number, and the guest's access token (null for a member's order). */
    protected record HeldOrder(String number, @org.jspecify.annotations.Nullable String accessToken) {
    }

    /**
     * An order of {@code quantity} × {@code sku} in Indonesia, paid on the sandbox's page (its webhook over HTTP) and
     * then prepared, shipped and delivered by an operator: what a shopper may return or exchange. A guest's when
     * {@code member} (an Authorization header) is null.
     */
    protected HeldOrder deliveredOrder(String sku, int quantity, @org.jspecify.annotations.Nullable String member)
            throws Exception {
        var held = paidOrder(sku, quantity, member);
        desk.startPreparing(held.number(), "it-operator");
        desk.ship(held.number(), new dev.onshore.was.orders.Shipment("CJ", "6012-0000-" + held.number().substring(
                held.number().length() - 4)), "it-operator");
        desk.markDelivered(held.number(), "it-operator");
        return held;
    }

    /** {@link #deliveredOrder} up to its payment only. */
    protected HeldOrder paidOrder(String sku, int quantity, @org.jspecify.annotations.Nullable String member)
            throws Exception {
        var cart = post("/api/shop/v1/cart").contentType(MediaType.APPLICATION_JSON).content("{\"market\":\"ID\"}");
        if (member != null) {
            cart.header("Authorization", member);
        }
        var created = mvc.perform(cart).andReturn();
        assertStatus(created, 201);
        String token = JsonPath.read(created.getResponse().getContentAsString(), "$.token");
        var line = post("/api/shop/v1/cart/lines").contentType(MediaType.APPLICATION_JSON)
                .content("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}");
        var placing = post("/api/shop/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(checkout("ID"));
        // A member's cart is theirs by their token alone; a guest's by its token.
        line.header(member != null ? "Authorization" : "Cart-Token", member != null ? member : token);
        placing.header(member != null ? "Authorization" : "Cart-Token", member != null ? member : token);
        assertStatus(mvc.perform(line).andReturn(), 200);
        var placed = mvc.perform(placing).andReturn();
        assertStatus(placed, 201);
        var body = placed.getResponse().getContentAsString();
        String number = JsonPath.read(body, "$.order.number");
        var payment = java.net.URI.create(JsonPath.<String>read(body, "$.paymentUrl"));
        assertStatus(mvc.perform(post(payment.getPath() + "/pay")).andReturn(), 303);
        await("order " + number + " to be paid", () -> orderManagement.find(number).orElseThrow().status()
                == dev.onshore.was.orders.OrderStatus.PAID);
        return new HeldOrder(number, member == null ? JsonPath.read(body, "$.accessToken") : null);
    }

    protected MvcResult getOrder(String number, String accessToken) throws Exception {
        return mvc.perform(get("/api/shop/v1/orders/" + number).header("Order-Token", accessToken)).andReturn();
    }

    protected static void assertStatus(MvcResult result, int status) throws Exception {
        if (result.getResponse().getStatus() != status) {
            throw new AssertionError("expected " + status + " but got " + result.getResponse().getStatus() + ": "
                    + result.getResponse().getContentAsString());
        }
    }

    protected static void await(String what, BooleanSupplier condition) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
