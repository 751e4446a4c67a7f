package dev.onshore.admin.audit;

import dev.onshore.admin.Access;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The audit log (every change by any operator or API client, before and after) and the sign-in history, filtered
 * and paginated by the internal WAS; dates are days in the operator's zone (KST unless they chose another).
 */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One audit entry as the WAS sends it. */
    record Entry(long id, Instant occurredAt, String actor, List<String> actorRoles, @Nullable String address,
            String action, String target, @Nullable String before, @Nullable String after) {

        public String time() {
            return shown(occurredAt);
        }
    }

    /** A sign-in attempt as the WAS sends it. */
    record Login(long id, Instant occurredAt, String username, boolean succeeded, @Nullable String address,
            @Nullable String reason) {

        public String time() {
            return shown(occurredAt);
        }
    }

    /** A page of either. */
    record Page<T>(List<T> items, int page, int size, long total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        static <T> Page<T> empty() {
            return new Page<>(List.of(), 0, PAGE_SIZE, 0);
        }
    }

    private final RestClient internalWas;

    AuditController(RestClient internalWasRestClient) {
        this.internalWas = internalWasRestClient;
    }

    @GetMapping("/audit")
    @PreAuthorize(Access.AUDIT)
    String audit(@RequestParam(defaultValue = "") String operator, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "0") int page, Model model) {
        var zone = zone();
        var errors = new LinkedHashMap<String, String>();
        var fromDay = day("from", from, errors);
        var toDay = day("to", to, errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.put("to", "audit.error.range");
        }
        if (page < 0) {
            errors.put("page", "audit.error.page");
        }
        Page<Entry> entries = Page.empty();
        if (errors.isEmpty()) {
            try {
                entries = internalWas.get().uri(uri -> uri.path("/api/admin/audit")
                                .queryParamIfPresent("actor", present(operator))
                                .queryParamIfPresent("action", present(action))
                                .queryParamIfPresent("target", present(target))
                                .queryParamIfPresent("from", java.util.Optional.ofNullable(fromDay)
                                        .map(d -> d.atStartOfDay(zone).toInstant()))
                                .queryParamIfPresent("to", java.util.Optional.ofNullable(toDay)
                                        .map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()))
                                .queryParam("page", page).queryParam("size", PAGE_SIZE).build())
                        .retrieve().body(new ParameterizedTypeReference<Page<Entry>>() { });
            } catch (RestClientResponseException refused) {
                var problem = refused.getResponseBodyAs(ProblemDetail.class);
                model.addAttribute("problem", problem == null || problem.getDetail() == null
                        ? refused.getStatusText() : problem.getDetail());
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("filter", Map.of("operator", operator, "action", action, "target", target, "from", from,
                "to", to));
        model.addAttribute("entries", entries == null ? Page.empty() : entries);
        return "audit/audit";
    }

    @GetMapping("/logins")
    @PreAuthorize(Access.AUDIT)
    String logins(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<Login> logins = internalWas.get().uri("/api/admin/audit/logins?page={page}&size={size}",
                Math.max(page, 0), PAGE_SIZE).retrieve().body(new ParameterizedTypeReference<Page<Login>>() { });
        model.addAttribute("logins", logins == null ? Page.empty() : logins);
        return "audit/logins";
    }

    /** A time as the operator reads it, in their zone. Used by the templates. */
    static String shown(Instant instant) {
        return TIME.format(instant.atZone(zone()));
    }

    private static ZoneId zone() {
        var zone = LocaleContextHolder.getTimeZone();
        return zone == null ? ZoneId.of("Asia/Seoul") : zone.toZoneId();
    }

    private static java.util.Optional<String> present(String value) {
        return value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }

    private static @Nullable LocalDate day(String field, String value, Map<String, String> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            errors.put(field, "audit.error.date");
            return null;
        }
    }
}
