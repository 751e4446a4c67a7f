package dev.onshore.was.catalog.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.catalog.ProductSpreadsheets;
import dev.onshore.was.catalog.ProductSpreadsheets.Format;
import dev.onshore.was.jobs.ImportJobs.ImportJob;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Products in and out of spreadsheets (admin API). An import is the file itself as the request body with its name
 * in {@code fileName}; it answers 202 at once with where to poll its status.
 */
@RestController
@AdminAccess(OperatorRole.CATALOG_MANAGER)
class ProductSpreadsheetsController {

    /** 20 MB: a 10,000-row workbook is about 1 MB. */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProductSpreadsheets spreadsheets;

    ProductSpreadsheetsController(ProductSpreadsheets spreadsheets) {
        this.spreadsheets = spreadsheets;
    }

    @PostMapping("/api/admin/product-imports")
    ResponseEntity<ImportJob> startImport(@RequestParam(defaultValue = "upload") String fileName,
            @RequestHeader(name = CatalogAdminController.OPERATOR_HEADER, required = false) @Nullable String operator,
            HttpServletRequest request) throws IOException {
        var by = CatalogAdminController.operator(operator);
        var bytes = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "tooLarge");
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "required");
        }
        var status = spreadsheets.startImport(fileName, bytes, by);
        return ResponseEntity.accepted().location(URI.create("/api/admin/product-imports/" + status.id()))
                .body(status);
    }

    @GetMapping("/api/admin/product-imports/{id}")
    ResponseEntity<ImportJob> status(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.of(spreadsheets.importStatus(uuid));
    }

    @GetMapping("/api/admin/product-exports")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "xlsx") String format) {
        var wanted = format(format);
        return file(spreadsheets.export(wanted), wanted, "products");
    }

    @GetMapping("/api/admin/product-import-template")
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "xlsx") String format) {
        var wanted = format(format);
        return file(spreadsheets.template(wanted), wanted, "products-template");
    }

    private static Format format(String raw) {
        try {
            return Format.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", "unknown");
        }
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, Format format, String name) {
        return ResponseEntity.ok()
                .contentType(format == Format.CSV ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8) : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "." + format.name().toLowerCase(Locale.ROOT)).build().toString())
                .body(bytes);
    }
}
