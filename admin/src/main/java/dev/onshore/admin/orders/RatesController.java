package dev.onshore.admin.orders;

import dev.onshore.admin.OperatorLanguage;
import dev.onshore.admin.WasRefusal;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import dev.onshore.admin.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Exchange rates for operators: the rates in force with their source and age and a warning when one is stale,
 * the ECB file import, an override with its mandatory reason, and each currency's history with a chart.
 */
@Controller
class RatesController {

    /** A rate in force as the admin API lists it. */
    record Rate(String base, String quote, BigDecimal rate, Instant effectiveFrom, String source,
            @Nullable String reason, @Nullable String recordedBy, Duration age, boolean stale) {

        /** "3 h 20 min", "2 d 4 h": how old the rate is, for a glance. */
        public String readableAge() {
            long minutes = age.toMinutes();
            if (minutes < 60) {
                return minutes + " min";
            }
            if (minutes < 24 * 60) {
                return minutes / 60 + " h " + minutes % 60 + " min";
            }
            return minutes / (24 * 60) + " d " + minutes % (24 * 60) / 60 + " h";
        }
    }

    /** One recorded rate of a currency's history. */
    record HistoricRate(String base, String quote, BigDecimal rate, Instant effectiveFrom, String source,
            @Nullable String reason, @Nullable Instant recordedAt) {
    }

    private final RestClient http;

    RatesController(RestClient http) {
        this.http = http;
    }

    @GetMapping("/rates")
    @PreAuthorize(Access.FINANCE_READ)
    String rates(Authentication operator, Model model) {
        var rates = List.of(http.get().uri("/api/admin/exchange-rates")
                .header(HttpHeaders.ACCEPT_LANGUAGE, OperatorLanguage.tag()).retrieve().body(Rate[].class));
        model.addAttribute("rates", rates);
        model.addAttribute("anyStale", rates.stream().anyMatch(Rate::stale));
        model.addAttribute("mayChange", Roles.any(operator, "ADMIN", "FINANCE"));
        return "rates/list";
    }

    @GetMapping("/rates/{quote}")
    @PreAuthorize(Access.FINANCE_READ)
    String history(@PathVariable String quote, Model model) {
        if (!quote.matches("[A-Z]{3}")) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND);
        }
        var history = List.of(http.get().uri("/api/admin/exchange-rates/{quote}/history", quote)
                .header(HttpHeaders.ACCEPT_LANGUAGE, OperatorLanguage.tag()).retrieve().body(HistoricRate[].class));
        model.addAttribute("quote", quote);
        model.addAttribute("history", history);
        // Oldest first for the chart: [effective from (KST, ISO), rate].
        var points = history.stream().sorted((a, b) -> a.effectiveFrom().compareTo(b.effectiveFrom()))
                .map(rate -> List.of(rate.effectiveFrom().atZone(OrdersController.zone()).toLocalDateTime().toString(),
                        rate.rate().toPlainString()))
                .toList();
        model.addAttribute("points", points);
        return "rates/history";
    }

    @PostMapping("/rates/{quote}")
    @PreAuthorize(Access.FINANCE_WRITE)
    String override(@PathVariable String quote, @RequestParam(defaultValue = "") String rate,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        var body = new LinkedHashMap<String, Object>();
        try {
            body.put("rate", new BigDecimal(rate.strip().replace(",", "")));
        } catch (NumberFormatException notANumber) {
            // Sent as missing: the WAS names the field in the operator's language.
        }
        body.put("reason", reason);
        try {
            http.put().uri("/api/admin/exchange-rates/{quote}", quote)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, OperatorLanguage.tag())
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
            redirect.addFlashAttribute("notice", "rates.done.override");
        } catch (RestClientResponseException refused) {
            refusal(refused, redirect);
            redirect.addFlashAttribute("failedQuote", quote);
            redirect.addFlashAttribute("form", Map.of("rate", rate, "reason", reason));
        }
        return "redirect:/rates";
    }

    @PostMapping("/rates/import")
    @PreAuthorize(Access.FINANCE_WRITE)
    String importFile(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        // Optional here so that the role check, not the missing part, answers first.
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("errors", Map.of("file", "rates.file.required"));
            return "redirect:/rates";
        }
        try {
            var imported = http.post().uri("/api/admin/exchange-rates/ecb")
                    .header(HttpHeaders.ACCEPT_LANGUAGE, OperatorLanguage.tag())
                    .contentType(MediaType.APPLICATION_XML).body(file.getBytes()).retrieve().body(HistoricRate[].class);
            redirect.addFlashAttribute("notice", "rates.done.import");
            redirect.addFlashAttribute("imported", imported == null ? 0 : imported.length);
        } catch (RestClientResponseException refused) {
            refusal(refused, redirect);
        }
        return "redirect:/rates";
    }

    private static void refusal(RestClientResponseException refused, RedirectAttributes redirect) {
        var refusal = WasRefusal.of(refused);
        redirect.addFlashAttribute("problem", refusal.detail());
        redirect.addFlashAttribute("fieldErrors", refusal.fields());
    }
}
