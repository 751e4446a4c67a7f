package dev.onshore.admin.content;

import dev.onshore.admin.WasRefusal;
import dev.onshore.admin.Access;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * Coupons (Marketing): the list with each coupon's window in KST and in its market's zone, issuing one (refusals shown
 * next to their fields) and disabling one. Finance and viewers read; the content desk issues and disables. A coupon is
 * never edited, so there is no version to carry: disabling twice changes nothing.
 */
@Controller
class CouponsController {

    /**
     * A coupon as the admin API lists it: amounts in the market's currency, the window in the market's zone.
     *
     * @param currency the market's currency, null for a market the shop no longer sells to
     */
    record Coupon(String code, String market, String kind, BigDecimal value, @Nullable BigDecimal minimumOrder,
            int perCustomerLimit, @Nullable LocalDateTime validFrom, @Nullable LocalDateTime validUntil,
            @Nullable Instant disabledAt, String createdBy, Instant createdAt, int redemptions, String zone, @Nullable String currency) {

        public @Nullable ZonedDateTime validFrom(ZoneId viewer) {
            return validFrom == null ? null : validFrom.atZone(ZoneId.of(zone)).withZoneSameInstant(viewer);
        }

        public @Nullable ZonedDateTime validUntil(ZoneId viewer) {
            return validUntil == null ? null : validUntil.atZone(ZoneId.of(zone)).withZoneSameInstant(viewer);
        }
    }

    static final List<String> FIELDS = List.of("code", "market", "kind", "value", "minimumOrder", "perCustomerLimit",
            "validFrom", "validUntil");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{3,40}");

    private final RestClient http;

    CouponsController(RestClient http) {
        this.http = http;
    }

    @GetMapping("/marketing/coupons")
    @PreAuthorize(Access.COUPONS_READ)
    String list(Authentication operator, Model model) {
        var coupons = http.get().uri("/api/admin/coupons").header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve()
                .body(Coupon[].class);
        model.addAttribute("coupons", coupons == null ? List.of() : List.of(coupons));
        var roles = Set.of("ROLE_ADMIN", "ROLE_CONTENT_MANAGER");
        model.addAttribute("mayChange",
                operator.getAuthorities().stream().anyMatch(authority -> roles.contains(authority.getAuthority())));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("kind", "percent", "perCustomerLimit", "1"));
        }
        return "marketing/coupons";
    }

    @PostMapping("/marketing/coupons")
    @PreAuthorize(Access.CONTENT_WRITE)
    String issue(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        // What cannot even be sent is refused here, field by field; the WAS judges the rest (ranges, duplicates).
        var errors = new LinkedHashMap<String, String>();
        var value = decimal(form.get("value"), "value", errors);
        var minimum = decimal(form.get("minimumOrder"), "minimumOrder", errors);
        Integer limit = null;
        try {
            limit = blank(form.get("perCustomerLimit")) ? null : Integer.valueOf(form.get("perCustomerLimit").strip());
        } catch (NumberFormatException e) {
            errors.put("perCustomerLimit", "coupons.error.whole");
        }
        var from = CmsController.local(form.get("validFrom"));
        var until = CmsController.local(form.get("validUntil"));
        if (!blank(form.get("validFrom")) && from == null) {
            errors.put("validFrom", "coupons.error.dateTime");
        }
        if (!blank(form.get("validUntil")) && until == null) {
            errors.put("validUntil", "coupons.error.dateTime");
        }
        if (blank(form.get("code"))) {
            errors.put("code", "coupons.error.required");
        }
        if (blank(form.get("market"))) {
            errors.put("market", "coupons.error.required");
        }
        if (blank(form.get("value")) && !errors.containsKey("value")) {
            errors.put("value", "coupons.error.required");
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("errorKeys", errors);
            redirect.addFlashAttribute("form", form);
            return "redirect:/marketing/coupons";
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("code", form.get("code").strip());
        body.put("market", form.get("market").strip());
        body.put("kind", form.getOrDefault("kind", ""));
        body.put("value", value);
        body.put("minimumOrder", minimum);
        body.put("perCustomerLimit", limit);
        body.put("validFrom", from == null ? null : from.toString());
        body.put("validUntil", until == null ? null : until.toString());
        try {
            http.post().uri("/api/admin/coupons").header(HttpHeaders.ACCEPT_LANGUAGE, language())
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
            redirect.addFlashAttribute("notice", "coupons.done.issue");
        } catch (RestClientResponseException refused) {
            var refusal = WasRefusal.of(refused);
            redirect.addFlashAttribute("problem", refusal.detail());
            redirect.addFlashAttribute("fieldErrors", refusal.fields());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/marketing/coupons";
    }

    @PostMapping("/marketing/coupons/{code}/disable")
    @PreAuthorize(Access.CONTENT_WRITE)
    String disable(@PathVariable String code, RedirectAttributes redirect) {
        if (!CODE.matcher(code).matches()) {
            redirect.addFlashAttribute("problemKey", "coupons.unknown");
            return "redirect:/marketing/coupons";
        }
        try {
            http.post().uri("/api/admin/coupons/{code}/disable", code).header(HttpHeaders.ACCEPT_LANGUAGE, language())
                    .retrieve().toBodilessEntity();
            redirect.addFlashAttribute("notice", "coupons.done.disable");
        } catch (RestClientResponseException refused) {
            redirect.addFlashAttribute("problem", WasRefusal.of(refused).detail());
        }
        return "redirect:/marketing/coupons";
    }

    /** A decimal as typed (thousands separators allowed), null when blank; never a double. */
    private static @Nullable BigDecimal decimal(@Nullable String typed, String field, Map<String, String> errors) {
        if (blank(typed)) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put(field, "coupons.error.number");
            return null;
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static String language() {
        return LocaleContextHolder.getLocale().toLanguageTag();
    }
}
