package dev.onshore.admin.customers;

import dev.onshore.admin.Access;
import dev.onshore.admin.WasRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Customers for the order desk (and ADMIN; never VIEWER: personal data). Lists and pages show personal values
 * masked; "Reveal" asks the internal WAS for them (it audits who looked) and shows them in that one response only,
 * never kept in a redirect's flash or a cache. The blacklist sends the version the operator saw: a stale toggle is
 * refused and the page shows the current standing. A guest buyer the search found is blacklisted by one of their
 * orders (the WAS keeps it by the address's blind index).
 */
@Controller
class CustomersController {

    private static final Set<String> FILTERS = Set.of("email", "order", "page");
    static final int PAGE_SIZE = 20;
    private static final java.util.regex.Pattern GUEST_ORDER = java.util.regex.Pattern.compile("[A-Z0-9-]{4,32}");

    private final CustomersApi api;

    CustomersController(CustomersApi api) {
        this.api = api;
    }

    @GetMapping("/customers")
    @PreAuthorize(Access.CUSTOMERS_READ)
    String list(@RequestParam Map<String, String> params, Model model) {
        var criteria = new LinkedHashMap<String, String>();
        params.forEach((name, value) -> {
            if (FILTERS.contains(name)) {
                criteria.put(name, value.strip());
            }
        });
        criteria.put("size", Integer.toString(PAGE_SIZE));
        model.addAttribute("filters", criteria);
        try {
            model.addAttribute("result", api.search(criteria));
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() != 400) {
                throw refused;
            }
            model.addAttribute("errors", WasRefusal.of(refused).fields());
            model.addAttribute("result", new CustomersApi.Page(List.of(), 0, PAGE_SIZE, 0, List.of()));
        }
        return "customers/list";
    }

    @GetMapping("/customers/{subject}")
    @PreAuthorize(Access.CUSTOMERS_READ)
    String detail(@PathVariable String subject, Model model) {
        model.addAttribute("customer", load(subject));
        return "customers/detail";
    }

    /** The unmasked values, in this response only (no-store); the WAS records who revealed them. */
    @PostMapping("/customers/{subject}/reveal")
    @PreAuthorize(Access.CUSTOMERS_WRITE)
    String reveal(@PathVariable String subject, Model model, HttpServletResponse response) {
        var revealed = call(() -> api.reveal(subject));
        model.addAttribute("customer", load(subject));
        model.addAttribute("revealed", revealed);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return "customers/detail";
    }

    @PostMapping("/customers/{subject}/blacklist")
    @PreAuthorize(Access.CUSTOMERS_WRITE)
    String blacklist(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean blocked,
            @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) @Nullable Long version,
            RedirectAttributes redirect) {
        try {
            api.blacklist(subject, blocked, reason, version);
            redirect.addFlashAttribute("notice", blocked ? "customers.done.blocked" : "customers.done.unblocked");
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == 404) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            var refusal = WasRefusal.of(refused);
            redirect.addFlashAttribute("problem", refusal.detail());
            redirect.addFlashAttribute("stale", refusal.type().endsWith("/stale-customer"));
            redirect.addFlashAttribute("errors", refusal.fields());
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/customers/" + subject;
    }

    /**
     * Blacklists the guest buyer of a guest order found by the search (or lifts it), then shows that guest again,
     * found by the order's number.
     */
    @PostMapping("/customers/guests/{order}/blacklist")
    @PreAuthorize(Access.CUSTOMERS_WRITE)
    String blacklistGuest(@PathVariable String order, @RequestParam(defaultValue = "false") boolean blocked,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        if (!GUEST_ORDER.matcher(order).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            api.blacklistGuest(order, blocked, reason);
            redirect.addFlashAttribute("notice", blocked ? "customers.done.guestBlocked" : "customers.done.guestUnblocked");
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == 404) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            var refusal = WasRefusal.of(refused);
            redirect.addFlashAttribute("problem", refusal.detail());
            redirect.addFlashAttribute("errors", refusal.fields());
        }
        redirect.addAttribute("order", order);
        return "redirect:/customers";
    }

    private CustomersApi.Detail load(String subject) {
        return call(() -> api.detail(subject));
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == 404) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            throw refused;
        }
    }
}
