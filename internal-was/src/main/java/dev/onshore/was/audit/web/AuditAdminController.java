package dev.onshore.was.audit.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.AdminCaller;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.OperatorHeader;
import dev.onshore.was.audit.AuditEntry;
import dev.onshore.was.audit.OperatorLogin;
import dev.onshore.was.audit.internal.JdbcAuditTrail;
import java.time.Instant;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The audit log and the operators' sign-in history (admin API), for ADMIN only; read-only but for sign-ins. */
@RestController
@RequestMapping("/api/admin/audit")
@AdminAccess(viewer = false)
class AuditAdminController {

    static final int MAX_PAGE_SIZE = 200;

    private final JdbcAuditTrail trail;

    AuditAdminController(JdbcAuditTrail trail) {
        this.trail = trail;
    }

    /** Entries newest first; {@code from} inclusive, {@code to} exclusive, both ISO instants. */
    @GetMapping
    JdbcAuditTrail.Page<AuditEntry> search(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var problems = new ArrayList<InvalidInputException.Problem>();
        if (page < 0) {
            problems.add(new InvalidInputException.Problem("page", "range"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new InvalidInputException.Problem("size", "range"));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new InvalidInputException.Problem("to", "range"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return trail.search(new JdbcAuditTrail.Query(blankToNull(actor), blankToNull(action), blankToNull(target),
                from, to, page, size));
    }

    @GetMapping("/logins")
    JdbcAuditTrail.Page<OperatorLogin> logins(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException(page < 0 ? "page" : "size", "range");
        }
        return trail.logins(page, size);
    }

    /** A sign-in attempt the admin app saw: {@code {"username": ..., "succeeded": false, "reason": "invalid_grant"}}. */
    record Login(@Nullable String username, boolean succeeded, @Nullable String reason) {
    }

    /** Recorded by the admin app for whoever tried, before anyone has a role: the service token suffices. */
    @PostMapping("/logins")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @AdminAccess(service = true)
    void recordLogin(@RequestBody Login login) {
        var username = login.username() == null || login.username().isBlank() ? "unknown" : login.username().strip();
        if (!OperatorHeader.FORMAT.matcher(username).matches()) {
            throw new InvalidInputException("username", "pattern");
        }
        var reason = login.reason() == null ? null
                : login.reason().length() > 200 ? login.reason().substring(0, 200) : login.reason();
        trail.recordLogin(username, login.succeeded(), AdminCaller.current().map(AdminCaller::address).orElse(null),
                login.succeeded() ? null : reason);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
