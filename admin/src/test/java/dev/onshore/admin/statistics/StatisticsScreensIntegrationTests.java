package dev.onshore.admin.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.admin.ScreenTests;
import dev.onshore.admin.StandIn.Call;
import dev.onshore.admin.StandIn;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The statistics and batch-job screens against an in-process stand-in of the internal WAS's admin API: what they
 * ask the WAS (empty filters left out), the table and chart they show, exports that hold exactly the table shown,
 * the WAS's refusals next to their fields, and the jobs' runs.
 */
class StatisticsScreensIntegrationTests extends ScreenTests {

    static final String REPORT = """
            {"from":"2024-03-10","to":"2024-03-11","zone":"Asia/Seoul",
             "byDay":[
               {"key":"2024-03-10","label":"2024-03-10","currency":"IDR","orders":1,"paidOrders":1,"units":0,
                "revenue":100000.0000,"baseCurrency":"KRW","revenueInBase":8600.0000},
               {"key":"2024-03-11","label":"2024-03-11","currency":"IDR","orders":1,"paidOrders":1,"units":0,
                "revenue":50000.0000,"baseCurrency":"KRW","revenueInBase":4400.0000},
               {"key":"2024-03-11","label":"2024-03-11","currency":"MYR","orders":2,"paidOrders":1,"units":0,
                "revenue":100.0000,"baseCurrency":"KRW","revenueInBase":29000.0000}],
             "byMarket":[
               {"key":"ID","label":"ID","currency":"IDR","orders":2,"paidOrders":2,"units":0,
                "revenue":150000.0000,"baseCurrency":"KRW","revenueInBase":13000.0000},
               {"key":"MY","label":"MY","currency":"MYR","orders":2,"paidOrders":1,"units":0,
                "revenue":100.0000,"baseCurrency":"KRW","revenueInBase":29000.0000}],
             "byCurrency":[],
             "byCategory":[
               {"key":"-","label":"-","currency":"MYR","orders":1,"paidOrders":1,"units":1,
                "revenue":90.0000,"baseCurrency":"KRW","revenueInBase":26100.0000}],
             "byProduct":[
               {"key":"HS-COLLAGEN-30","label":"Collagen, \\"marine\\" 30","currency":"MYR","orders":1,"paidOrders":1,
                "units":1,"revenue":90.5000,"baseCurrency":"KRW","revenueInBase":26245.0000},
               {"key":"HS-VITC-1000","label":"Vitamin C 1000","currency":"IDR","orders":2,"paidOrders":2,"units":3,
                "revenue":140000.0000,"baseCurrency":"KRW","revenueInBase":12140.0000}],
             "ratesUsed":[{"currency":"IDR","baseCurrency":"KRW","paidOrders":2,"lowest":0.086,"highest":0.088,
                "firstAsOf":"2024-03-10T13:59:59Z","lastAsOf":"2024-03-10T14:00:00Z"}]}""";

    static final String JOBS = """
            {"jobs":[
              {"id":7,"job":"UnpaidOrders.cancelUnpaid","node":"was-1","startedAt":"2024-03-10T15:00:01Z",
               "duration":"PT0.25S","succeeded":false,
               "error":"org.springframework.dao.DataAccessResourceFailureException: connection refused"},
              {"id":5,"job":"SearchIndexing.followSaleWindows","node":"was-2","startedAt":"2024-03-10T14:50:00Z",
               "duration":"PT3.4S","succeeded":true,"error":null},
              {"id":4,"job":"NightlyThing.run","node":"was-2","startedAt":"2024-03-10T14:40:00Z",
               "duration":"PT2M5S","succeeded":true,"error":null}],
             "runs":[
              {"id":7,"job":"UnpaidOrders.cancelUnpaid","node":"was-1","startedAt":"2024-03-10T15:00:01Z",
               "duration":"PT0.25S","succeeded":false,
               "error":"org.springframework.dao.DataAccessResourceFailureException: connection refused"}],
             "imports":[
              {"id":"0b0e7c1a-1111-4222-8333-944455556666","kind":"marketplace-order","fileName":"coupang-0310.xlsx",
               "state":"SAVING","totalRows":1200,"processedRows":1200,"savedRows":300,"errors":[],"result":{},
               "createdBy":"park","createdAt":"2024-03-10T15:01:00Z","finishedAt":null},
              {"id":"1c1f8d2b-2222-4333-8444-a55566667777","kind":"product","fileName":"spring-range.xlsx",
               "state":"FAILED","totalRows":40,"processedRows":40,"savedRows":0,"errors":[],"result":{},
               "createdBy":"editor","createdAt":"2024-03-10T14:00:00Z","finishedAt":"2024-03-10T14:00:05Z"}]}""";

    @RegisterExtension
    static final StandIn WAS = StandIn.start("/api/admin/",
            call -> new StandIn.Answer(404, "{\"status\":404,\"title\":\"Not found\"}"))
            .answering("GET /api/admin/statistics/sales", 200, REPORT)
            .answering("GET /api/admin/jobs", 200, JOBS);

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        WAS.register(registry);
    }

    private static final Pattern ROW = Pattern.compile("<tr data-group=.*?</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*data-value=\"([^\"]*)\"[^>]*>([^<]*)</td>");
    private static final Pattern HEADING = Pattern.compile("<th scope=\"col\">([^<]*)</th>");

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** The table as the page shows it: the headings, then each row's cell values ({@code data-value}). */
    private static List<List<String>> table(String html) {
        var table = html.substring(html.indexOf("<table id=\"sales-table\">"), html.indexOf("</table>",
                html.indexOf("<table id=\"sales-table\">")));
        var rows = new ArrayList<List<String>>();
        rows.add(HEADING.matcher(table).results().map(m -> unescape(m.group(1))).toList());
        ROW.matcher(table).results().forEach(row -> rows.add(CELL.matcher(row.group()).results()
                .map(m -> unescape(m.group(1))).toList()));
        return rows;
    }

    @Test
    void theSalesOfAPeriodShowAsAChartAndATableInTheViewChosenAndEmptyFiltersAreLeftToTheirDefaults()
            throws Exception {
        mvc.perform(get("/statistics").param("from", "2024-03-10").param("to", "2024-03-11").param("view", "market")
                        .with(as("fin", "FINANCE")))
                .andDo(snapshot("admin-statistics")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"sales-chart\""),
                        containsString("/webjars/echarts/5.3.1/dist/echarts.min.js"), containsString("/js/sales-chart.js"),
                        containsString("data-group=\"ID\""), containsString("data-in-base=\"13000\""),
                        containsString("data-value=\"150000\""), containsString("IDR: 0.086 to 0.088 KRW per IDR"),
                        containsString("/statistics/export.xlsx?from=2024-03-10&amp;to=2024-03-11&amp;view=market"))));
        assertThat(WAS.calls()).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/api/admin/statistics/sales?from=2024-03-10&to=2024-03-11");
            assertThat(call.roles()).isEqualTo("FINANCE");
        });

        WAS.calls().clear();
        mvc.perform(get("/statistics").param("from", "").param("to", " ").param("view", "").with(as("vera", "VIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-group=\"2024-03-10\"")));
        assertThat(WAS.calls()).singleElement().extracting(Call::uri).isEqualTo("/api/admin/statistics/sales");

        mvc.perform(get("/statistics").with(as("kim", "ORDER_MANAGER"))).andExpect(status().isForbidden());
    }

    @Test
    void theCsvAndExcelExportsHoldExactlyTheTableShown() throws Exception {
        for (var view : List.of("day", "product", "category")) {
            var html = mvc.perform(get("/statistics").param("from", "2024-03-10").param("to", "2024-03-11")
                            .param("view", view).with(as("fin", "FINANCE")).header("Accept-Language", "ko"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            var shown = table(html);
            assertThat(shown).as(view).hasSizeGreaterThan(1);

            var csv = mvc.perform(get("/statistics/export.csv").param("from", "2024-03-10").param("to", "2024-03-11")
                            .param("view", view).with(as("fin", "FINANCE")).header("Accept-Language", "ko"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString(
                            "sales-by-" + view + "-2024-03-10-2024-03-11.csv")))
                    .andReturn().getResponse().getContentAsByteArray();
            var text = new String(csv, StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF");
            var csvRows = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords().stream()
                    .map(record -> record.toList()).toList();
            assertThat(csvRows).as("CSV of " + view).isEqualTo(shown);

            var xlsx = mvc.perform(get("/statistics/export.xlsx").param("from", "2024-03-10")
                            .param("to", "2024-03-11").param("view", view).with(as("fin", "FINANCE"))
                            .header("Accept-Language", "ko"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            var sheetRows = new ArrayList<List<String>>();
            try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                for (var row : workbook.getSheetAt(0)) {
                    var cells = new ArrayList<String>();
                    for (var cell : row) {
                        cells.add(cell.getCellType() == CellType.NUMERIC
                                ? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue());
                    }
                    sheetRows.add(cells);
                }
            }
            assertThat(sheetRows).as("Excel of " + view).isEqualTo(shown);
        }
        var products = table(mvc.perform(get("/statistics").param("view", "product").with(as("fin", "FINANCE")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(products.get(1)).containsExactly("HS-COLLAGEN-30", "Collagen, \"marine\" 30", "MYR", "1", "1",
                "90.50", "26245");
        assertThat(products.get(0)).containsExactly("SKU", "Product", "Currency", "Paid orders", "Units",
                "Sales (lines)", "In KRW");
    }

    @Test
    void anExportInAnUnknownFormatIsNotFoundAndItsRolesAreTheScreens() throws Exception {
        mvc.perform(get("/statistics/export.pdf").with(as("fin", "FINANCE"))).andExpect(status().isNotFound());
        mvc.perform(get("/statistics/export.csv").with(as("cat", "CATALOG_MANAGER"))).andExpect(status().isForbidden());
        assertThat(WAS.calls()).isEmpty();
    }

    @Test
    void datesTheWasRefusesShowItsMessageNextToTheFormInsteadOfAnErrorPage() throws Exception {
        WAS.answer("GET /api/admin/statistics/sales", 400, """
                {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                 "detail":"Some fields are invalid.",
                 "errors":[{"field":"to","code":"range","message":"to is out of range."}]}""");
        mvc.perform(get("/statistics").param("from", "2024-03-11").param("to", "2024-03-10").with(as("fin", "FINANCE")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("data-field=\"to\""), containsString("End date is out of range."),
                        containsString("value=\"2024-03-11\""), not(containsString("id=\"sales-table\"")))));
        mvc.perform(get("/statistics/export.xlsx").param("from", "2024-03-11").param("to", "2024-03-10")
                        .param("view", "market").with(as("fin", "FINANCE")))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/statistics?from=2024-03-11&to=2024-03-10&view=market"));
    }

    @Test
    void theBatchJobsShowEachJobsLastRunAndTheLatestRunsWithStatusDurationAndError() throws Exception {
        mvc.perform(get("/jobs").with(as("fin", "FINANCE"))).andDo(snapshot("admin-jobs")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Unpaid orders cleanup"),
                        containsString("2024-03-11 00:00:01"), // 15:00:01 UTC in Seoul
                        containsString("250 ms"), containsString("3.4 s"), containsString("2 min 5 s"),
                        containsString("NightlyThing.run"), // a job without a name of its own shows as recorded
                        containsString("DataAccessResourceFailureException: connection refused"),
                        containsString("status-failed"))));
        // The file imports operators started: what, its status, when, how long, who, which file, rows done.
        mvc.perform(get("/jobs").with(as("fin", "FINANCE"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-import=\"0b0e7c1a-1111-4222-8333-944455556666\""),
                        containsString("Marketplace orders"), containsString("status-running"), containsString("park"),
                        containsString("coupang-0310.xlsx"), containsString("1,200 of 1,200 checked, 300 saved"),
                        containsString("2024-03-11 00:01:00"), containsString("Products"), containsString("editor"),
                        containsString("5.0 s"), containsString("spring-range.xlsx"))));
        mvc.perform(get("/jobs").with(as("vera", "VIEWER")).header("Accept-Language", "ko")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("미결제 주문 정리"), containsString("실패"),
                        containsString("마켓 주문"), containsString("실행 중"), containsString("시작한 사람"))));
        mvc.perform(get("/jobs").with(as("cat", "CATALOG_MANAGER"))).andExpect(status().isForbidden());
    }
}
