package dev.onshore.admin.statistics;

import dev.onshore.admin.WasRefusal;
import dev.onshore.admin.Access;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sales statistics for finance (and ADMIN, VIEWER): a period of Korean days, grouped by day, market, currency,
 * category or product, with a chart of the amounts in KRW and the table's exports. A filter field left empty takes
 * its default (the last 30 days, by day); a date the WAS refuses shows its message next to the field.
 */
@Controller
class StatisticsController {

    private final RestClient http;
    private final MessageSource messages;

    StatisticsController(RestClient http, MessageSource messages) {
        this.http = http;
        this.messages = messages;
    }

    @GetMapping("/statistics")
    @PreAuthorize(Access.FINANCE_READ)
    String sales(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String view,
            Model model, Locale locale) {
        var chosen = SalesTable.view(view);
        model.addAttribute("view", chosen);
        model.addAttribute("views", SalesTable.VIEWS);
        model.addAttribute("form", Map.of("from", from == null ? "" : from.strip(), "to", to == null ? "" : to.strip()));
        try {
            var report = report(from, to, locale);
            model.addAttribute("report", report);
            model.addAttribute("table", SalesTable.of(report, chosen, locale, messages));
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() != 400) {
                throw refused;
            }
            var refusal = WasRefusal.of(refused);
            model.addAttribute("fieldErrors", refusal.fields());
            model.addAttribute("problem", refusal.detail());
        }
        return "statistics/sales";
    }

    /**
     * The table shown for the same filters, as {@code csv} or {@code xlsx}; filters the WAS refuses lead back to the
     * screen, which says why.
     */
    @GetMapping("/statistics/export.{format}")
    @PreAuthorize(Access.FINANCE_READ)
    ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String view,
            Locale locale) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        SalesReport report;
        try {
            report = report(from, to, locale);
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() != 400) {
                throw refused;
            }
            // Dates the WAS refuses: back to the screen, which shows why next to the form.
            var back = UriComponentsBuilder.fromPath("/statistics").queryParamIfPresent("from",
                    java.util.Optional.ofNullable(from)).queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                    .queryParamIfPresent("view", java.util.Optional.ofNullable(view)).build().encode().toUri();
            return ResponseEntity.status(org.springframework.http.HttpStatus.SEE_OTHER).location(back).build();
        }
        var table = SalesTable.of(report, SalesTable.view(view), locale, messages);
        var name = "sales-by-" + table.view() + "-" + report.from() + "-" + report.to() + "." + format;
        var csv = format.equals("csv");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(csv ? TableFiles.csv(table) : TableFiles.xlsx(table, table.view()));
    }

    /** Asks the WAS; a blank filter is left out, so the WAS applies its default. */
    private SalesReport report(@Nullable String from, @Nullable String to, Locale locale) {
        var uri = UriComponentsBuilder.fromPath("/api/admin/statistics/sales");
        if (from != null && !from.isBlank()) {
            uri.queryParam("from", from.strip());
        }
        if (to != null && !to.isBlank()) {
            uri.queryParam("to", to.strip());
        }
        var report = http.get().uri(uri.build().encode().toUriString())
                .header(HttpHeaders.ACCEPT_LANGUAGE, locale.getLanguage()).retrieve().body(SalesReport.class);
        if (report == null) {
            throw new IllegalStateException("The internal WAS sent no sales report");
        }
        return report;
    }
}
