package dev.onshore.was.catalog;

import dev.onshore.was.catalog.ProductSpreadsheets.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Tables in and out of .xlsx (Apache POI) and UTF-8 .csv files, the one reader and writer of the back office's
 * spreadsheets (the product import and export, the marketplace order import): the format from the file's first bytes
 * (never its name), formulas read as text and never evaluated, and cells a spreadsheet program would run as a formula
 * neutralised with a quote on the way out.
 */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /**
     * The format of a file from its first bytes: a zip is an .xlsx workbook, anything else is read as CSV.
     *
     * @throws NotASpreadsheetException for an old binary .xls workbook
     */
    public static Format formatOf(String fileName, byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return Format.XLSX;
        }
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF) {
            throw new NotASpreadsheetException(fileName, "an old .xls workbook: save it as .xlsx");
        }
        return Format.CSV;
    }

    /**
     * The rows of the file's first sheet, each a list of cell texts (numbers plain, formulas as {@code =...});
     * never null, possibly empty.
     *
     * @throws NotASpreadsheetException when the file is neither a readable .xlsx workbook nor UTF-8 CSV text
     */
    public static List<List<String>> read(String fileName, byte[] bytes) {
        return read(fileName, formatOf(fileName, bytes), bytes);
    }

    /** As {@link #read(String, byte[])}, in a format already told from the file. */
    public static List<List<String>> read(String fileName, Format format, byte[] bytes) {
        return format == Format.XLSX ? readXlsx(fileName, bytes) : readCsv(fileName, bytes);
    }

    private static List<List<String>> readCsv(String fileName, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NotASpreadsheetException(fileName, "not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n')) {
            throw new NotASpreadsheetException(fileName, "binary content");
        }
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            var table = new ArrayList<List<String>>();
            parser.forEach(record -> table.add(record.toList()));
            return table;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new NotASpreadsheetException(fileName, "malformed CSV");
        }
    }

    private static List<List<String>> readXlsx(String fileName, byte[] bytes) {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = workbook.getSheetAt(0);
            var formatter = new DataFormatter(Locale.ROOT);
            var table = new ArrayList<List<String>>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                var values = new ArrayList<String>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        values.add(text(row.getCell(c), formatter));
                    }
                }
                table.add(values);
            }
            return table;
        } catch (IOException | RuntimeException e) {
            throw new NotASpreadsheetException(fileName, "not a readable .xlsx workbook");
        }
    }

    private static String text(@Nullable Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (cell.getCellType() == CellType.FORMULA) {
            // Never evaluated: an import takes values, not formulas.
            return "=" + cell.getCellFormula();
        }
        return formatter.formatCellValue(cell);
    }

    /**
     * A cell a spreadsheet program would take for a formula (= + - @, or a tab or carriage return before one) is
     * prefixed with a quote, so that opening an export never runs what someone typed into a name; numbers stay.
     */
    public static String neutralise(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return "'" + cell;
        }
        return cell;
    }

    /**
     * A file of one sheet: the header row, then the rows, every cell {@link #neutralise neutralised}; CSV with the
     * UTF-8 byte order mark Excel needs to read UTF-8.
     */
    public static byte[] write(Format format, String sheetName, List<String> header, List<List<String>> rows) {
        var out = new ByteArrayOutputStream();
        try {
            if (format == Format.CSV) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // Excel reads UTF-8 with a BOM only
                try (var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                        CSVFormat.RFC4180)) {
                    printer.printRecord(header);
                    for (var row : rows) {
                        printer.printRecord(row.stream().map(Spreadsheets::neutralise).toList());
                    }
                }
            } else {
                try (var workbook = new XSSFWorkbook()) {
                    var sheet = workbook.createSheet(sheetName);
                    var first = sheet.createRow(0);
                    for (int c = 0; c < header.size(); c++) {
                        first.createCell(c).setCellValue(header.get(c));
                    }
                    for (int r = 0; r < rows.size(); r++) {
                        var row = sheet.createRow(r + 1);
                        var values = rows.get(r);
                        for (int c = 0; c < values.size(); c++) {
                            row.createCell(c, CellType.STRING).setCellValue(neutralise(values.get(c)));
                        }
                    }
                    workbook.write(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
