package dev.onshore.admin.catalog;

import dev.onshore.admin.Access;
import dev.onshore.admin.BackgroundImport;
import dev.onshore.admin.WasFile;
import dev.onshore.admin.WasRefusal;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk import and export of products. The upload is handed to the internal WAS, which answers at once and imports in
 * the background; the status page polls {@code /products/import/{id}/status} and shows the row-level report.
 */
@Controller
class ProductImportController {

    /** The job, or 404 for anything that cannot be a job's id. */
    private CatalogApi.ImportStatus job(String id) {
        return api.importStatus(BackgroundImport.requireId(id));
    }

    private final CatalogApi api;
    private final MessageSource messages;

    ProductImportController(CatalogApi api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/products/import")
    @PreAuthorize(Access.CATALOG_WRITE)
    String form() {
        return "catalog/import";
    }

    @PostMapping("/products/import")
    @PreAuthorize(Access.CATALOG_WRITE)
    String upload(@RequestParam(name = "file", required = false) @org.jspecify.annotations.Nullable MultipartFile file, Model model,
            jakarta.servlet.http.HttpServletResponse response) throws IOException {
        // Optional so that the role check, not the multipart parser, answers a caller who may not import.
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("problem", messages.getMessage("catalog.import.empty", null,
                    LocaleContextHolder.getLocale()));
            return "catalog/import";
        }
        try {
            var name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
            var status = api.startImport(name, file.getBytes());
            return "redirect:/products/import/" + status.id();
        } catch (RestClientResponseException refused) {
            var problems = WasRefusal.of(refused);
            response.setStatus(problems.screenStatus());
            model.addAttribute("problem", problems.detail());
            return "catalog/import";
        }
    }

    @GetMapping("/products/import/{id}")
    @PreAuthorize(Access.CATALOG_WRITE)
    String status(@PathVariable String id, Model model) {
        model.addAttribute("job", job(id));
        return "catalog/import-status";
    }

    /** For the status page's polling. */
    @GetMapping(path = "/products/import/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Access.CATALOG_WRITE)
    @ResponseBody
    CatalogApi.ImportStatus statusJson(@PathVariable String id) {
        return job(id);
    }

    /** The report as a CSV file: row, column, message; cells neutralised like every export. */
    @GetMapping("/products/import/{id}/report.csv")
    @PreAuthorize(Access.CATALOG_WRITE)
    ResponseEntity<byte[]> report(@PathVariable String id) throws IOException {
        var job = job(id);
        var out = new StringWriter();
        var locale = LocaleContextHolder.getLocale();
        out.append('\uFEFF').append(csv(messages.getMessage("catalog.import.row", null, locale))).append(',')
                .append(csv(messages.getMessage("catalog.import.column", null, locale))).append(',')
                .append(csv(messages.getMessage("catalog.import.message", null, locale))).append("\r\n");
        for (var error : job.errors()) {
            out.append(String.valueOf(error.row())).append(',').append(csv(error.column())).append(',')
                    .append(csv(messages.getMessage("catalog.error." + error.code(), new Object[] {error.column()},
                            error.code(), locale)))
                    .append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-report.csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/products/export")
    @PreAuthorize(Access.CATALOG_READ)
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "xlsx") String format) {
        return download("/api/admin/product-exports", format);
    }

    @GetMapping("/products/import-template")
    @PreAuthorize(Access.CATALOG_READ)
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "xlsx") String format) {
        return download("/api/admin/product-import-template", format);
    }

    private ResponseEntity<byte[]> download(String path, String format) {
        return api.download(path, WasFile.spreadsheetFormat(format)).download();
    }

    /** A CSV cell: quoted, and never something a spreadsheet program would run as a formula. */
    static String csv(String cell) {
        var safe = !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
