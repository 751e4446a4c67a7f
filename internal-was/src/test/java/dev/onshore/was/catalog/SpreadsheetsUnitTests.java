package dev.onshore.was.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.was.catalog.ProductSpreadsheets.Format;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The one spreadsheet reader and writer of the back office (products, marketplace orders). */
class SpreadsheetsUnitTests {

    @Test
    void writtenCellsThatASpreadsheetWouldRunAsAFormulaAreQuotedButNumbersAreNot() {
        var csv = new String(Spreadsheets.write(Format.CSV, "orders", List.of("recipient", "quantity"),
                List.of(List.of("=HYPERLINK(\"http://evil\",\"x\")", "-2"), List.of("@SUM(A1)", "3"))),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK").contains("'@SUM(A1)").contains(",-2");
        assertThat(Spreadsheets.neutralise("+82 10-1234-5678")).isEqualTo("'+82 10-1234-5678");
        assertThat(Spreadsheets.neutralise("홍길동")).isEqualTo("홍길동");
    }

    @Test
    void aFormulaInAnUploadedWorkbookIsReadAsTextAndNeverEvaluated() throws Exception {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var row = workbook.createSheet("orders").createRow(0);
            row.createCell(0).setCellFormula("1+1");
            workbook.write(out);
            assertThat(Spreadsheets.read("a.xlsx", out.toByteArray())).containsExactly(List.of("=1+1"));
        }
    }

    @Test
    void bytesThatAreNoSpreadsheetAreRefusedAsSuch() {
        assertThatThrownBy(() -> Spreadsheets.read("scan.pdf", "%PDF-1.7\u0000binary".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(NotASpreadsheetException.class);
        assertThatThrownBy(() -> Spreadsheets.read("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}))
                .isInstanceOf(NotASpreadsheetException.class).hasMessageContaining(".xls");
    }
}
