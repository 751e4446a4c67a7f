package dev.onshore.was.catalog;

/** An upload that is no .xlsx workbook or UTF-8 CSV file with the template's header. Nothing was queued. */
public class NotASpreadsheetException extends RuntimeException {

    private final String fileName;

    public NotASpreadsheetException(String fileName, String why) {
        super(fileName + ": " + why);
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
