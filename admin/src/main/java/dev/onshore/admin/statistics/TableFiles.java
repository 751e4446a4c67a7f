package dev.onshore.admin.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A {@link SalesTable} as files: the headings, then one line per row with each cell's plain value. Amounts stay exact
 * decimal text (in .xlsx too: a spreadsheet number is binary floating point); counts are numbers.
 */
final class TableFiles {

    private TableFiles() {
    }

    /** UTF-8 with a byte-order mark, so that spreadsheet programs read Korean headings right. */
    static byte[] csv(SalesTable table) {
        var out = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                var printer = CSVFormat.RFC4180.print(writer)) {
            writer.write('\uFEFF');
            printer.printRecord(table.headers());
            for (var row : table.rows()) {
                printer.printRecord(row.cells().stream().map(SalesTable.Cell::value).toList());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(SalesTable table, String sheetName) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet(sheetName);
            var bold = workbook.createFont();
            bold.setBold(true);
            var heading = workbook.createCellStyle();
            heading.setFont(bold);
            var header = sheet.createRow(0);
            for (int i = 0; i < table.headers().size(); i++) {
                var cell = header.createCell(i);
                cell.setCellValue(table.headers().get(i));
                cell.setCellStyle(heading);
            }
            for (int r = 0; r < table.rows().size(); r++) {
                var row = sheet.createRow(r + 1);
                var cells = table.rows().get(r).cells();
                for (int c = 0; c < cells.size(); c++) {
                    var value = cells.get(c);
                    if (value.numeric() && !value.amount()) {
                        row.createCell(c).setCellValue(Long.parseLong(value.value()));
                    } else {
                        row.createCell(c).setCellValue(value.value());
                    }
                }
            }
            for (int i = 0; i < table.headers().size(); i++) {
                sheet.setColumnWidth(i, 18 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
