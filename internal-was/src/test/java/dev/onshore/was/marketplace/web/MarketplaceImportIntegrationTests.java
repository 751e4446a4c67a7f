package dev.onshore.was.marketplace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Marketplace order import on the real application and MariaDB, as a background job the upload answers with at once:
 * a good file becomes paid orders with their channel and their stock taken; a file with bad rows saves nothing and names the rows; the same file twice imports once;
 * overselling, files that are no spreadsheet and roles that may not import are refused.
 */
class MarketplaceImportIntegrationTests extends ShopTestSupport {

    private static final String HEADER = "order_number,product_code,product_name,quantity,unit_price,recipient,phone,"
            + "address,postal_code,country,email";

    @Autowired
    OrderManagement orders;

    @Autowired
    Stock stock;

    @Autowired
    JdbcClient jdbc;

    private String channel;
    private String vitamin;
    private String magnesium;

    /** A channel of its own and two SKUs of its own per test: tests share the database. */
    @BeforeEach
    void mapTwoProducts() throws Exception {
        var id = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        channel = "mp-" + id.toLowerCase(Locale.ROOT);
        vitamin = "MP-VIT-" + id;
        magnesium = "MP-MAG-" + id;
        stock.set(vitamin, 10);
        stock.set(magnesium, 5);
        map("CP-1", vitamin);
        map("CP-2", magnesium);
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String roles) {
        return request.header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "park")
                .header("X-Onshore-Operator-Roles", roles).header("Accept-Language", "en");
    }

    private void map(String code, String sku) throws Exception {
        assertStatus(mvc.perform(as(put("/api/admin/marketplace-codes/{channel}/{code}", channel, code),
                "ORDER_MANAGER").contentType(MediaType.APPLICATION_JSON).content("{\"sku\":\"" + sku + "\"}"))
                .andReturn(), 200);
    }

    private MvcResult upload(String fileName, byte[] bytes, String roles) throws Exception {
        return mvc.perform(as(post("/api/admin/order-imports").param("channel", channel).param("fileName", fileName)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content(bytes), roles)).andReturn();
    }

    /**
     * Uploads as an order manager: the upload answers 202 at once with the queued job and where to poll it; then polls
     * as the admin's page does until the job is over, and answers its last status.
     */
    private String imported(String fileName, byte[] bytes) throws Exception {
        return imported(fileName, bytes, "ORDER_MANAGER");
    }

    private String imported(String fileName, byte[] bytes, String roles) throws Exception {
        var started = upload(fileName, bytes, roles);
        assertStatus(started, 202);
        String id = JsonPath.read(json(started), "$.id");
        assertThat(started.getResponse().getHeader("Location")).isEqualTo("/api/admin/order-imports/" + id);
        assertThat(JsonPath.<String>read(json(started), "$.kind")).isEqualTo("marketplace-order");
        var deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
        var last = "";
        while (System.nanoTime() < deadline) {
            var polled = mvc.perform(as(get("/api/admin/order-imports/{id}", id), roles)).andReturn();
            assertStatus(polled, 200);
            last = json(polled);
            var state = JsonPath.<String>read(last, "$.state");
            if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The import did not finish within 5 minutes (a loaded machine): " + last);
    }

    private static byte[] csv(String... rows) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(String... rows) throws Exception {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("orders");
            var all = new java.util.ArrayList<String>();
            all.add(HEADER);
            all.addAll(List.of(rows));
            for (int r = 0; r < all.size(); r++) {
                var row = sheet.createRow(r);
                var cells = all.get(r).split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private long importedOrders() {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE channel = ?").param(channel).query(Long.class)
                .single();
    }

    private static String json(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static final String SEOUL = "서울특별시 중구 세종대로 110";

    @Test
    void aGoodWorkbookBecomesPaidOrdersOfTheChannelWithTheirStockTakenAndAnAuditRowEach() throws Exception {
        var job = imported("coupang.xlsx", xlsx(
                "A-1001,CP-1,Vitamin C,2,12900,홍길동,+82 10-1234-5678," + SEOUL + ",04524,KR,",
                "A-1001,CP-2,Magnesium,1,15900,홍길동,+82 10-1234-5678," + SEOUL + ",04524,KR,",
                "A-1002,CP-1,Vitamin C,3,12900,홍길동,+82 10-1234-5678," + SEOUL + ",04524,kr,"));
        assertThat(JsonPath.<String>read(job, "$.state")).isEqualTo("SUCCEEDED");
        List<String> numbers = JsonPath.read(job, "$.result.imported");
        assertThat(numbers).hasSize(2);
        assertThat(JsonPath.<Integer>read(job, "$.result.rows")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(job, "$.totalRows")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(job, "$.processedRows")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(job, "$.savedRows")).isEqualTo(3);
        assertThat(JsonPath.<String>read(job, "$.createdBy")).isEqualTo("park");
        assertThat(JsonPath.<String>read(job, "$.finishedAt")).isNotNull();

        var first = orders.find(numbers.getFirst()).orElseThrow();
        assertThat(first.status()).isEqualTo(OrderStatus.PAID);
        assertThat(first.channel()).isEqualTo(channel);
        assertThat(first.market()).isEqualTo("KR");
        assertThat(first.total().amount()).isEqualByComparingTo("41700");
        assertThat(first.lines()).extracting(line -> line.sku() + "x" + line.quantity())
                .containsExactly(vitamin + "x2", magnesium + "x1");
        assertThat(first.history()).extracting(step -> step.status() + ":" + step.by())
                .containsExactly("PLACED:park", "PAID:park");
        assertThat(orders.findImported(channel, "A-1002")).map(order -> order.number()).contains(numbers.get(1));
        // Both go to the same recipient at the same address: the bundle screen groups them by this text.
        assertThat(orders.find(numbers.get(1)).orElseThrow().shipTo()).isEqualTo(first.shipTo());

        assertThat(stock.available(vitamin)).isEqualTo(5);
        assertThat(stock.available(magnesium)).isEqualTo(4);
        assertThat(stock.reservation(numbers.getFirst())).contains(Stock.ReservationState.COMMITTED);

        var audit = jdbc.sql("SELECT action, actor FROM audit_entry WHERE target = ?")
                .param("order:" + numbers.getFirst()).query((rs, row) -> rs.getString(1) + ":" + rs.getString(2))
                .list();
        assertThat(audit).containsExactly("order.import:park");

        var list = json(mvc.perform(as(get("/api/admin/orders").param("status", "PAID").param("size", "200"),
                "ORDER_MANAGER")).andReturn());
        assertThat(JsonPath.<List<String>>read(list, "$.orders[?(@.number == '" + numbers.getFirst()
                + "')].channel")).containsExactly(channel);

        // The batch-jobs screen lists the import: what, its state, when, who started it.
        var jobs = json(mvc.perform(as(get("/api/admin/jobs"), "VIEWER")).andReturn());
        String id = JsonPath.read(job, "$.id");
        assertThat(JsonPath.<List<String>>read(jobs, "$.imports[?(@.id == '" + id + "')].kind"))
                .containsExactly("marketplace-order");
        assertThat(JsonPath.<List<String>>read(jobs, "$.imports[?(@.id == '" + id + "')].createdBy"))
                .containsExactly("park");
        assertThat(JsonPath.<List<String>>read(jobs, "$.imports[?(@.id == '" + id + "')].state"))
                .containsExactly("SUCCEEDED");
    }

    @Test
    void aFileWithFourBadRowsAmongGoodOnesSavesNothingAndItsReportNamesEachRow() throws Exception {
        var job = imported("naver.csv", csv(
                "B-1,CP-1,Vitamin C,1,12900,Kim,,Seoul 1,04524,KR,",
                "B-2,CP-404,Unknown,1,12900,Kim,,Seoul 1,04524,KR,",
                "B-3,CP-1,Vitamin C,0,12900,Kim,,Seoul 1,04524,KR,",
                "B-4,CP-2,Magnesium,1,15900,,,Seoul 1,04524,KR,",
                "B-5,CP-2,Magnesium,1,15900,Kim,,Somewhere,1,XX,"));
        assertThat(JsonPath.<String>read(job, "$.state")).isEqualTo("FAILED");
        assertThat(JsonPath.<String>read(job, "$.fileName")).isEqualTo("naver.csv");
        assertThat(JsonPath.<List<Integer>>read(job, "$.errors[*].row")).containsExactly(3, 4, 5, 6);
        assertThat(JsonPath.<List<String>>read(job, "$.errors[*].code"))
                .containsExactly("unknown-code", "quantity", "required", "unknown-country");
        assertThat(JsonPath.<Integer>read(job, "$.savedRows")).isZero();

        assertThat(importedOrders()).isZero();
        assertThat(stock.available(vitamin)).isEqualTo(10);
    }

    @Test
    void uploadingTheSameFileAgainImportsNothingTwiceButAnotherOrderUnderTheSameNumberIsRefused() throws Exception {
        var file = csv("C-1,CP-1,Vitamin C,2,12900,Lee,,Busan 2,48058,KR,lee@example.com",
                "C-2,CP-2,Magnesium,1,15900,Lee,,Busan 2,48058,KR,lee@example.com");
        var first = imported("11st.csv", file);
        assertThat(JsonPath.<List<String>>read(first, "$.result.imported")).hasSize(2);

        var again = imported("11st.csv", file);
        assertThat(JsonPath.<String>read(again, "$.state")).isEqualTo("SUCCEEDED");
        assertThat(JsonPath.<List<String>>read(again, "$.result.imported")).isEmpty();
        assertThat(JsonPath.<List<String>>read(again, "$.result.alreadyImported")).containsExactly("C-1", "C-2");
        assertThat(importedOrders()).isEqualTo(2);
        assertThat(stock.available(vitamin)).isEqualTo(8);

        var changed = imported("11st-fixed.csv", csv("C-1,CP-1,Vitamin C,3,12900,Lee,,Busan 2,48058,KR,"));
        assertThat(JsonPath.<String>read(changed, "$.state")).isEqualTo("FAILED");
        assertThat(JsonPath.<List<String>>read(changed, "$.errors[*].code")).containsExactly("duplicate");
        assertThat(importedOrders()).isEqualTo(2);
    }

    @Test
    void importedOrdersChargeTheChannelsShippingOrTheMarketsRuleAndTheMarketsTaxIncluded() throws Exception {
        // The channel's shipping column, given on one row of the order: its fee. KR shows prices with tax: the tax is
        // the part of the total that is tax.
        var withFee = imported("11st.csv", ("order_number,product_code,quantity,unit_price,recipient,address,country,"
                + "shipping\nE-1,CP-1,1,12900,Kim,Seoul 1,KR,\"2,500\"\nE-1,CP-2,1,15900,Kim,Seoul 1,KR,\n")
                .getBytes(StandardCharsets.UTF_8));
        var fee = orders.find(JsonPath.<List<String>>read(withFee, "$.result.imported").getFirst()).orElseThrow();
        assertThat(fee.subtotal().amount()).isEqualByComparingTo("28800");
        assertThat(fee.shipping().amount()).isEqualByComparingTo("2500");
        assertThat(fee.total().amount()).isEqualByComparingTo("31300");
        assertThat(fee.taxIncluded()).isTrue();
        assertThat(fee.tax().amount()).isEqualByComparingTo("2845"); // 31,300 × 0.10 / 1.10 = 2,845.45

        // No shipping column: the market's rule (KR standard: 3,000 below 30,000 of goods).
        var byRule = imported("coupang.csv", csv("F-1,CP-1,Vitamin C,1,12900,Kim,,Seoul 1,04524,KR,"));
        var rule = orders.find(JsonPath.<List<String>>read(byRule, "$.result.imported").getFirst()).orElseThrow();
        assertThat(rule.shipping().amount()).isEqualByComparingTo("3000");
        assertThat(rule.total().amount()).isEqualByComparingTo("15900");
        assertThat(rule.tax().amount()).isEqualByComparingTo("1445"); // 15,900 / 11 = 1,445.45

        // Rows of one order that give different fees are refused.
        var differing = imported("x.csv", ("order_number,product_code,quantity,unit_price,recipient,address,country,"
                + "shipping\nG-1,CP-1,1,12900,Kim,Seoul 1,KR,2500\nG-1,CP-2,1,15900,Kim,Seoul 1,KR,3000\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(JsonPath.<String>read(differing, "$.state")).isEqualTo("FAILED");
        assertThat(JsonPath.<List<String>>read(differing, "$.errors[*].column")).contains("shipping");
    }

    @Test
    void aUsOrderIsChargedTheSalesTaxOnTopOfItsGoodsAndShipping() throws Exception {
        // The US shows prices without tax: 7.25 % of goods and shipping is added to the total, not carved out of it.
        var job = imported("amazon-us.csv", ("order_number,product_code,quantity,unit_price,recipient,address,"
                + "postal_code,country\nUS-1,CP-1,2,19.90,Jane Doe,1 Main St New York NY,10001,US\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(JsonPath.<String>read(job, "$.state")).as(job).isEqualTo("SUCCEEDED");
        var order = orders.find(JsonPath.<List<String>>read(job, "$.result.imported").getFirst()).orElseThrow();
        assertThat(order.market()).isEqualTo("US");
        assertThat(order.subtotal().currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(order.subtotal().amount()).isEqualByComparingTo("39.80");
        assertThat(order.shipping().amount()).isEqualByComparingTo("9.99"); // standard, below the free 75.00
        assertThat(order.taxIncluded()).isFalse();
        assertThat(order.tax().amount()).isEqualByComparingTo("3.61"); // (39.80 + 9.99) × 0.0725 = 3.6098
        assertThat(order.total().amount()).isEqualByComparingTo("53.40"); // 39.80 + 9.99 + 3.61
    }

    @Test
    void aRowThatWouldOversellIsARowErrorAndTheOrdersBeforeItAreRolledBack() throws Exception {
        var job = imported("gmarket.csv", csv("D-1,CP-2,Magnesium,3,15900,Choi,,Incheon 3,21999,KR,",
                "D-2,CP-2,Magnesium,3,15900,Choi,,Incheon 3,21999,KR,"));
        assertThat(JsonPath.<String>read(job, "$.state")).isEqualTo("FAILED");
        assertThat(JsonPath.<List<Integer>>read(job, "$.errors[*].row")).containsExactly(3);
        assertThat(JsonPath.<List<String>>read(job, "$.errors[*].code")).containsExactly("out-of-stock");
        assertThat(importedOrders()).isZero();
        assertThat(stock.available(magnesium)).isEqualTo(5);
    }

    @Test
    void aFileThatIsNoSpreadsheetIsRefusedAsSuch() throws Exception {
        var pdf = upload("scan.pdf", "%PDF-1.7\u0000\u0001binary".getBytes(StandardCharsets.ISO_8859_1),
                "ORDER_MANAGER");
        assertStatus(pdf, 415);
        assertThat(JsonPath.<String>read(json(pdf), "$.type")).endsWith("/not-a-spreadsheet");
        var wrongColumns = upload("products.csv", "sku,name\nHS-1,x\n".getBytes(StandardCharsets.UTF_8),
                "ORDER_MANAGER");
        assertStatus(wrongColumns, 415);
        assertThat(importedOrders()).isZero();
    }

    @Test
    void onlyOrderManagersAndAdminsImportOrMapCodes() throws Exception {
        var file = csv("E-1,CP-1,Vitamin C,1,12900,Jung,,Daegu 4,41911,KR,");
        for (var role : List.of("FINANCE", "VIEWER", "CATALOG_MANAGER", "CONTENT_MANAGER")) {
            assertStatus(upload("e.csv", file, role), 403);
            assertStatus(mvc.perform(as(put("/api/admin/marketplace-codes/{channel}/CP-9", channel), role)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"sku\":\"HS-VITC-1000\"}")).andReturn(), 403);
        }
        assertThat(importedOrders()).isZero();
        assertThat(JsonPath.<String>read(imported("e.csv", file, "ADMIN"), "$.state")).isEqualTo("SUCCEEDED");
        assertThat(importedOrders()).isEqualTo(1);
    }

    @Test
    void theTemplateIsAWorkbookWithTheColumnsAndAMappingChangeIsAudited() throws Exception {
        var template = mvc.perform(as(get("/api/admin/order-import-template"), "ORDER_MANAGER")).andReturn();
        assertStatus(template, 200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getResponse().getContentAsByteArray()))) {
            var header = workbook.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("order_number");
            assertThat(header.getLastCellNum()).isEqualTo((short) 12);
        }
        map("CP-1", magnesium);
        var audit = jdbc.sql("SELECT before_json, after_json FROM audit_entry WHERE target = ? ORDER BY id")
                .param("marketplace-code:" + channel + "/CP-1")
                .query((rs, row) -> rs.getString(1) + "->" + rs.getString(2)).list();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1)).contains(vitamin).contains(magnesium);
        var bad = mvc.perform(as(put("/api/admin/marketplace-codes/{channel}/CP-3", channel), "ORDER_MANAGER")
                .contentType(MediaType.APPLICATION_JSON).content("{\"sku\":\"not a sku\"}")).andReturn();
        assertStatus(bad, 400);
    }
}
