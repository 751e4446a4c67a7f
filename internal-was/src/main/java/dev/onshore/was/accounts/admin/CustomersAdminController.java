package dev.onshore.was.accounts.admin;

import dev.onshore.was.accounts.CustomerAdministration;
import dev.onshore.was.accounts.StaleCustomerException;
import dev.onshore.was.accounts.UnknownCustomerException;
import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.AdminProblems;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.OperatorRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers (admin API). Order managers and ADMIN search, read, reveal and blacklist; never VIEWER, not even
 * masked (customers are personal data: the back office's rule, {@code Access.CUSTOMERS_READ}). Revealing personal
 * values is a POST: it is audited.
 */
@RestController
@RequestMapping("/api/admin/customers")
@AdminAccess(value = OperatorRole.ORDER_MANAGER, viewer = false)
class CustomersAdminController {

    /** The change of a customer's blacklist standing; {@code version} as last read. */
    record BlacklistChange(@Nullable Boolean blocked, @Nullable String reason, @Nullable Long version) {
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");
    private static final Pattern ORDER_NUMBER = Pattern.compile("[A-Z0-9-]{4,32}");
    static final int MAX_REASON = 500;

    private final CustomerAdministration customers;
    private final AdminProblems problems;

    CustomersAdminController(CustomerAdministration customers, AdminProblems problems) {
        this.customers = customers;
        this.problems = problems;
    }

    @GetMapping
    CustomerAdministration.Page search(@RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String order, @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "20") String size) {
        var wrong = new ArrayList<InvalidInputException.Problem>();
        var address = blankToNull(email);
        if (address != null && !EMAIL.matcher(address).matches()) {
            wrong.add(new InvalidInputException.Problem("email", "pattern"));
        }
        var number = blankToNull(order);
        if (number != null) {
            number = number.toUpperCase(Locale.ROOT);
            if (!ORDER_NUMBER.matcher(number).matches()) {
                wrong.add(new InvalidInputException.Problem("order", "pattern"));
            }
        }
        int pageNumber = number(page, "page", 0, 100_000, wrong);
        int pageSize = number(size, "size", 1, 100, wrong);
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        return customers.search(address, number, pageNumber, pageSize);
    }

    @GetMapping("/{subject}")
    CustomerAdministration.Detail detail(@PathVariable String subject) {
        return customers.detail(subject);
    }

    @PostMapping("/{subject}/reveal")
    CustomerAdministration.Revealed reveal(@PathVariable String subject) {
        return customers.reveal(subject);
    }

    @PutMapping("/{subject}/blacklist")
    CustomerAdministration.Detail blacklist(@PathVariable String subject, @RequestBody BlacklistChange change) {
        var wrong = new ArrayList<InvalidInputException.Problem>();
        var reason = checked(change, wrong);
        if (change.version() == null) {
            wrong.add(new InvalidInputException.Problem("version", "required"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        return customers.blacklist(subject, change.blocked(), reason, change.version());
    }

    /**
     * Blacklists the guest buyer of a guest order (or lifts it): {@code {"blocked": true, "reason": "..."}}; a guest
     * has no version to send (the change sets the standing, whatever it was).
     */
    @PutMapping("/guests/{order}/blacklist")
    CustomerAdministration.GuestBuyer blacklistGuest(@PathVariable String order, @RequestBody BlacklistChange change) {
        var number = order.strip().toUpperCase(Locale.ROOT);
        if (!ORDER_NUMBER.matcher(number).matches()) {
            throw new UnknownCustomerException(order);
        }
        var wrong = new ArrayList<InvalidInputException.Problem>();
        var reason = checked(change, wrong);
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        return customers.blacklistGuest(number, change.blocked(), reason);
    }

    /** The change's reason, stripped; adds what is missing or wrong to {@code wrong}. */
    private static String checked(BlacklistChange change, List<InvalidInputException.Problem> wrong) {
        if (change.blocked() == null) {
            wrong.add(new InvalidInputException.Problem("blocked", "required"));
        }
        var reason = change.reason() == null ? "" : change.reason().strip();
        if (reason.isEmpty()) {
            wrong.add(new InvalidInputException.Problem("reason", "required"));
        } else if (reason.length() > MAX_REASON) {
            wrong.add(new InvalidInputException.Problem("reason", "tooLong"));
        }
        return reason;
    }

    @ExceptionHandler(UnknownCustomerException.class)
    ProblemDetail unknown(UnknownCustomerException e, Locale locale) {
        return problems.problem(HttpStatus.NOT_FOUND, "customer-not-found", locale);
    }

    /** A node without the PII key file cannot show customers: 503, and the operator reads why. */
    @ExceptionHandler(dev.onshore.was.pii.PersonalDataUnavailableException.class)
    ProblemDetail unavailable(dev.onshore.was.pii.PersonalDataUnavailableException e, Locale locale) {
        return problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "personal-data-unavailable", locale);
    }

    /** 409 with both versions: the admin app reloads the customer and says what happened. */
    @ExceptionHandler(StaleCustomerException.class)
    ProblemDetail stale(StaleCustomerException e, Locale locale) {
        var problem = problems.problem(HttpStatus.CONFLICT, "stale-customer", locale, e.edited(), e.current());
        problem.setProperty("editedVersion", e.edited());
        problem.setProperty("currentVersion", e.current());
        return problem;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int number(String value, String field, int min, int max,
            java.util.List<InvalidInputException.Problem> wrong) {
        try {
            var parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        wrong.add(new InvalidInputException.Problem(field, "range"));
        return min;
    }
}
