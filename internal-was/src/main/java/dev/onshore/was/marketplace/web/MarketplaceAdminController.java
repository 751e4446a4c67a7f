package dev.onshore.was.marketplace.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.OperatorHeader;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.marketplace.MarketplaceOrders;
import dev.onshore.was.marketplace.MarketplaceOrders.Format;
import jakarta.servlet.http.HttpServletRequest;
import dev.onshore.was.jobs.ImportJobs.ImportJob;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Marketplace orders (admin API): an import is the file itself as the request body, with the channel and the file's
 * name as parameters; it answers 202 at once with the background job, whose status says the rows done, then what it
 * imported or every refused row (nothing saved then). A file that is no spreadsheet is refused at once (415).
 * Order managers (and ADMIN) import and keep the product-code mapping; viewers read the mapping.
 */
@RestController
@AdminAccess(OperatorRole.ORDER_MANAGER)
class MarketplaceAdminController {

    /** 10 MB: a 5,000-row export is well under 1 MB. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MarketplaceOrders marketplace;

    MarketplaceAdminController(MarketplaceOrders marketplace) {
        this.marketplace = marketplace;
    }

    /** Answers 202 at once with the queued job and where to poll it ({@code Location}). */
    @PostMapping("/api/admin/order-imports")
    ResponseEntity<ImportJob> importOrders(@RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "upload") String fileName,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator,
            HttpServletRequest request) throws IOException {
        var by = OperatorHeader.require(operator);
        var name = channel(channel);
        var bytes = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "tooLarge");
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "required");
        }
        var shortName = fileName.isBlank() ? "upload" : fileName.strip();
        var job = marketplace.startImport(name, shortName.length() > 200 ? shortName.substring(0, 200) : shortName,
                bytes, by);
        return ResponseEntity.accepted().location(URI.create("/api/admin/order-imports/" + job.id())).body(job);
    }

    /** Where an import is: rows done of total, then its result or every refused row. */
    @GetMapping("/api/admin/order-imports/{id}")
    ResponseEntity<ImportJob> importStatus(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.of(marketplace.importStatus(uuid));
    }

    @GetMapping("/api/admin/order-import-template")
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "xlsx") String format) {
        Format wanted;
        try {
            wanted = Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", "unknown");
        }
        return ResponseEntity.ok()
                .contentType(wanted == Format.CSV ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("marketplace-orders-template." + wanted.name().toLowerCase(Locale.ROOT)).build()
                        .toString())
                .body(marketplace.template(wanted));
    }

    @GetMapping("/api/admin/marketplace-codes")
    List<MarketplaceOrders.ProductCode> codes() {
        return marketplace.productCodes();
    }

    /** {@code {"sku": "HS-VITC-1000"}}. */
    record SkuBody(@Nullable String sku) {
    }

    @PutMapping("/api/admin/marketplace-codes/{channel}/{code}")
    MarketplaceOrders.ProductCode map(@PathVariable String channel, @PathVariable String code,
            @RequestBody SkuBody body,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator) {
        var by = OperatorHeader.require(operator);
        try {
            return marketplace.mapProductCode(channel, code, body.sku() == null ? "" : body.sku(), by);
        } catch (IllegalArgumentException e) {
            var field = java.util.Objects.requireNonNullElse(e.getMessage(), "sku");
            throw new InvalidInputException(field, field.equals("externalCode") ? "tooLong" : "pattern");
        }
    }

    @DeleteMapping("/api/admin/marketplace-codes/{channel}/{code}")
    ResponseEntity<Void> unmap(@PathVariable String channel, @PathVariable String code) {
        return marketplace.unmapProductCode(channel, code) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    private static String channel(String channel) {
        var name = channel.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new InvalidInputException("channel", "required");
        }
        if (!MarketplaceOrders.CHANNEL.matcher(name).matches()) {
            throw new InvalidInputException("channel", "pattern");
        }
        return name;
    }
}
