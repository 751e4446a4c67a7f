package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.catalog.Sku;
import java.time.Instant;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Product imports and exports through the admin API on real MariaDB: all rows of a file or none, a report that
 * names each bad cell, files that are no spreadsheets refused, and exports that never carry a live formula.
 */
class ProductSpreadsheetsIntegrationTests extends CatalogTestSupport {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final List<String> HEADER = List.of("sku", "brand", "category", "base_price", "base_currency",
            "name.en", "summary.en", "name.ko", "summary.ko", "price.SG");

    @Autowired
    MockMvc mvc;

    @Autowired
    Products products;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "importer")
                .header("X-Onshore-Operator-Roles", "CATALOG_MANAGER");
    }

    private static List<String> row(String sku, String basePrice, String sgPrice) {
        return List.of(sku, "Import Brand", "", basePrice, "KRW", "Imported " + sku, "From a file", "가져온 상품",
                "", sgPrice);
    }

    private static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("products");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Uploads, then polls the status as the admin app's page does until the import is over. */
    private Map<String, Object> imported(String fileName, byte[] bytes) throws Exception {
        var started = mvc.perform(as(post("/api/admin/product-imports").param("fileName", fileName)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(bytes)))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(started, "$.id");
        var deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        Map<String, Object> last = Map.of();
        while (System.nanoTime() < deadline) {
            var body = mvc.perform(as(get("/api/admin/product-imports/{id}", id))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            Map<String, Object> status = JsonPath.read(body, "$");
            last = status;
            if (status.get("state").equals("SUCCEEDED") || status.get("state").equals("FAILED")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The import did not finish within 8 minutes (a loaded machine): " + last);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aThousandRowWorkbookWithThreeBadRowsIsReportedRowByRowAndNothingIsSaved() throws Exception {
        var prefix = "HS-IMP-BAD" + RUN.incrementAndGet() + "-";
        var rows = new java.util.ArrayList<List<String>>();
        rows.add(HEADER);
        for (int i = 1; i <= 1000; i++) {
            rows.add(row(prefix + i, "12000", "12.90"));
        }
        rows.set(10, row(prefix + 10, "-5", "12.90")); // spreadsheet row 11: a negative base price
        rows.set(500, row(prefix + 500, "12000", "twelve")); // row 501: no number
        rows.set(900, row(prefix + "900", "12000", "12.999")); // row 901: more decimals than SGD has

        var status = imported("bad.xlsx", xlsx(rows));

        assertThat(status.get("state")).isEqualTo("FAILED");
        assertThat(status.get("savedRows")).isEqualTo(0);
        var errors = (List<Map<String, Object>>) status.get("errors");
        assertThat(errors).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactly("11:base_price:positive", "501:price.SG:number", "901:price.SG:currencyDigits");
        assertThat(products.existsBySku(prefix + "1")).isFalse();
        assertThat(products.existsBySku(prefix + "1000")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'product.import' and target = ?",
                Integer.class, "product-import:" + status.get("id"))).isZero();
    }

    @Test
    void aValidThousandRowWorkbookIsSavedWhole() throws Exception {
        var prefix = "HS-IMP-OK" + RUN.incrementAndGet() + "-";
        var rows = new java.util.ArrayList<List<String>>();
        rows.add(HEADER);
        for (int i = 1; i <= 1000; i++) {
            rows.add(row(prefix + i, "12000", "12.90"));
        }

        var status = imported("good.xlsx", xlsx(rows));

        assertThat(status.get("state")).isEqualTo("SUCCEEDED");
        assertThat(status.get("savedRows")).isEqualTo(1000);
        var product = products.findBySku(prefix + "777").orElseThrow();
        assertThat(product.translations().get("ko").name()).isEqualTo("가져온 상품");
        assertThat(product.offers().get("SG").listPrice()).isEqualByComparingTo("12.90");
        assertThat(product.basePrice()).isEqualByComparingTo("12000");
        assertThat(jdbc.queryForObject("select actor from audit_entry where action = 'product.import' and target = ?",
                String.class, "product-import:" + status.get("id"))).as("audited as the operator who imported")
                .isEqualTo("importer");
        mvc.perform(as(get("/api/admin/products").param("page", "0").param("size", "10").param("q", prefix)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1000))
                .andExpect(jsonPath("$.items.length()").value(10));
    }

    @Test
    void aCsvFileIsImportedLikeAWorkbook() throws Exception {
        var sku = "HS-IMP-CSV" + RUN.incrementAndGet();
        var csv = String.join(",", HEADER) + "\r\n" + sku + ",CSV Brand,,9000,KRW,\"Csv, quoted\",Summary,,,CONVERTED\r\n";

        var status = imported("products.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(status.get("state")).isEqualTo("SUCCEEDED");
        var product = products.findBySku(sku).orElseThrow();
        assertThat(product.translations().get("en").name()).isEqualTo("Csv, quoted");
        assertThat(product.offers().get("SG").converted()).isTrue();
    }

    @Test
    void filesThatAreNoSpreadsheetsAreRefusedWithAProblem() throws Exception {
        var png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        var pdfLike = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
        var noHeader = "hello,world\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8);
        var brokenZip = new byte[] {'P', 'K', 3, 4, 1, 2, 3};
        for (var bytes : List.of(png, pdfLike, noHeader, brokenZip)) {
            mvc.perform(as(post("/api/admin/product-imports").param("fileName", "not-a-sheet")
                            .header("Accept-Language", "ko").contentType(MediaType.APPLICATION_OCTET_STREAM)
                            .content(bytes)))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/not-a-spreadsheet"))
                    .andExpect(jsonPath("$.title").value("스프레드시트가 아님"));
        }
    }

    @Test
    void exportedCellsNeverStartAFormula() throws Exception {
        var sku = "HS-IMP-FORMULA" + RUN.incrementAndGet();
        products.save(new Product(new Sku(sku), "=cmd|' /C calc'!A0", new BigDecimal("1000"), "KRW", NOW)
                .translate("en", new ProductTranslation("@SUM(1+1)", "+1 plus", null, null, null, null), NOW));

        var csv = mvc.perform(as(get("/api/admin/product-exports").param("format", "csv")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var line = csv.lines().filter(l -> l.startsWith(sku)).findFirst().orElseThrow();
        assertThat(line).contains("'=cmd|", "'@SUM(1+1)", "'+1 plus").doesNotContain(",=", ",@", ",+");

        var xlsx = mvc.perform(as(get("/api/admin/product-exports").param("format", "xlsx")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            for (var row : sheet) {
                if (row.getCell(0).getStringCellValue().equals(sku)) {
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
                    row.forEach(cell -> assertThat(cell.getCellType())
                            .isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING));
                }
            }
        }
    }

    @Test
    void theTemplateCanBeDownloadedInBothFormats() throws Exception {
        mvc.perform(as(get("/api/admin/product-import-template").param("format", "csv"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "products-template.csv")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("sku,brand,category,base_price")));
        mvc.perform(as(get("/api/admin/product-import-template").param("format", "pdf")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
    }
}
