package dev.onshore.was.hotdeals;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.AdminProblems;
import dev.onshore.was.adminapi.OperatorRole;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The hot deals' admin API (for the admin app's service token, like every {@code /api/admin} path) and their public
 * announcement for the storefront and the edge.
 */
@RestController
class HotDealsController {

    /** The operator on whose behalf the admin app calls (see the catalog's admin API). */
    static final String OPERATOR_HEADER = "X-Onshore-Operator";

    private final HotDealScheduling scheduling;

    HotDealsController(HotDealScheduling scheduling) {
        this.scheduling = scheduling;
    }

    @AdminAccess(OperatorRole.CONTENT_MANAGER)
    @PostMapping("/api/admin/hot-deals")
    @ResponseStatus(HttpStatus.CREATED)
    HotDealView schedule(@RequestBody ScheduleHotDeal request,
            @RequestHeader(name = OPERATOR_HEADER, required = false) @Nullable String operator) {
        return scheduling.schedule(request, operator == null || operator.isBlank() ? "admin-service" : operator);
    }

    @AdminAccess(OperatorRole.CONTENT_MANAGER)
    @GetMapping("/api/admin/hot-deals")
    List<HotDealView> upcoming() {
        return scheduling.upcoming();
    }

    @AdminAccess(OperatorRole.CONTENT_MANAGER)
    @DeleteMapping("/api/admin/hot-deals/{id}")
    HotDealView cancel(@PathVariable UUID id) {
        return scheduling.cancel(id);
    }

    /** Public (no token): the edge polls it every few seconds, so it may be cached for one second. */
    @GetMapping("/api/shop/v1/hot-deals")
    ResponseEntity<List<AnnouncedHotDeal>> announced() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(1)))
                .body(scheduling.announced());
    }

    @RestControllerAdvice(assignableTypes = HotDealsController.class)
    static class Problems {

        private final AdminProblems problems;

        Problems(AdminProblems problems) {
            this.problems = problems;
        }

        @ExceptionHandler(InvalidHotDealException.class)
        ProblemDetail invalid(InvalidHotDealException e, Locale locale) {
            var problem = problems.problem(HttpStatus.BAD_REQUEST, "invalid-hot-deal", locale, e.field());
            problem.setProperty("field", e.field());
            return problem;
        }

        @ExceptionHandler(UnknownHotDealException.class)
        ProblemDetail unknown(UnknownHotDealException e, Locale locale) {
            return problems.problem(HttpStatus.NOT_FOUND, "unknown-hot-deal", locale);
        }

        @ExceptionHandler(HotDealOverException.class)
        ProblemDetail over(HotDealOverException e, Locale locale) {
            return problems.problem(HttpStatus.CONFLICT, "hot-deal-over", locale);
        }
    }
}
