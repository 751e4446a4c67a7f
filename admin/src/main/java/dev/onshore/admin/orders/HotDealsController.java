package dev.onshore.admin.orders;

import dev.onshore.admin.OperatorLanguage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Hot deals for operators (Marketing): the deals to come and running, a form to schedule one (product, units,
 * price, per-customer limit, window entered in KST, admission rate) and cancelling one.
 */
@Controller
class HotDealsController {

    /** A deal as the admin API lists it. */
    record HotDeal(UUID id, String sku, int units, int unitsLeft, BigDecimal price, String currency,
            int perCustomerLimit, Instant startsAt, Instant endsAt, String zone, LocalDateTime localStartsAt,
            LocalDateTime localEndsAt, int admissionsPerMinute, String status, String scheduledBy) {
    }

    static final List<String> FIELDS = List.of("sku", "units", "price", "currency", "perCustomerLimit", "startsAt",
            "endsAt", "admissionsPerMinute");

    private final RestClient http;

    HotDealsController(RestClient http) {
        this.http = http;
    }

    @GetMapping("/marketing/hot-deals")
    @PreAuthorize(Access.CONTENT_READ)
    String list(Authentication operator, Model model) {
        var deals = http.get().uri("/api/admin/hot-deals").header(HttpHeaders.ACCEPT_LANGUAGE, OperatorLanguage.tag())
                .retrieve().body(HotDeal[].class);
        model.addAttribute("deals", deals == null ? List.of() : List.of(deals));
        model.addAttribute("mayChange", Roles.any(operator, "ADMIN", "CONTENT_MANAGER"));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("currency", "KRW", "units", "100", "perCustomerLimit", "1",
                    "admissionsPerMinute", "200"));
        }
        return "marketing/hot-deals";
    }

    @PostMapping("/marketing/hot-deals")
    @PreAuthorize(Access.CONTENT_WRITE)
    String schedule(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        var body = new LinkedHashMap<String, Object>();
        body.put("sku", form.getOrDefault("sku", "").strip());
        body.put("units", whole(form.get("units")));
        body.put("price", decimal(form.get("price")));
        body.put("currency", form.getOrDefault("currency", "").strip());
        body.put("perCustomerLimit", whole(form.get("perCustomerLimit")));
        body.put("startsAt", blankToNull(form.get("startsAt")));
        body.put("endsAt", blankToNull(form.get("endsAt")));
        body.put("zone", OrdersController.zone().getId());
        body.put("admissionsPerMinute", whole(form.get("admissionsPerMinute")));
        try {
            http.post().uri("/api/admin/hot-deals").header(HttpHeaders.ACCEPT_LANGUAGE, OperatorLanguage.tag())
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
            redirect.addFlashAttribute("notice", "hotdeals.done.schedule");
        } catch (RestClientResponseException refused) {
            var problem = refused.getResponseBodyAs(ProblemDetail.class);
            redirect.addFlashAttribute("problem", problem == null || problem.getDetail() == null
                    ? refused.getStatusText() : problem.getDetail());
            var field = problem == null || problem.getProperties() == null ? null
                    : problem.getProperties().get("field");
            if (field != null) {
                redirect.addFlashAttribute("errorField", String.valueOf(field));
            }
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/marketing/hot-deals";
    }

    @PostMapping("/marketing/hot-deals/{id}/cancel")
    @PreAuthorize(Access.CONTENT_WRITE)
    String cancel(@PathVariable String id, RedirectAttributes redirect) {
        // Read as text and checked here, so that the role check, not the conversion, answers a forged id first.
        UUID deal;
        try {
            deal = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return "redirect:/marketing/hot-deals";
        }
        try {
            http.delete().uri("/api/admin/hot-deals/{id}", deal).header(HttpHeaders.ACCEPT_LANGUAGE, OperatorLanguage.tag())
                    .retrieve().toBodilessEntity();
            redirect.addFlashAttribute("notice", "hotdeals.done.cancel");
        } catch (RestClientResponseException refused) {
            var problem = refused.getResponseBodyAs(ProblemDetail.class);
            redirect.addFlashAttribute("problem", problem == null || problem.getDetail() == null
                    ? refused.getStatusText() : problem.getDetail());
        }
        return "redirect:/marketing/hot-deals";
    }

    /** A whole number as typed; 0 (refused by the WAS as out of range) when it is none. */
    private static int whole(String typed) {
        try {
            return typed == null ? 0 : Integer.parseInt(typed.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static BigDecimal decimal(String typed) {
        try {
            return typed == null ? null : new BigDecimal(typed.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
