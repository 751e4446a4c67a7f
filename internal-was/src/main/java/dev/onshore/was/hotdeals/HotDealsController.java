package dev.onshore.was.hotdeals;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.OperatorRole;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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

        private final MessageSource messages;

        Problems(MessageSource messages) {
            this.messages = messages;
        }

        @ExceptionHandler(InvalidHotDealException.class)
        ProblemDetail invalid(InvalidHotDealException e, Locale locale) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    messages.getMessage("problem.invalid-hot-deal.detail", new Object[] {e.field()}, locale));
            problem.setType(URI.create("https://onshore.dev/problems/invalid-hot-deal"));
            problem.setTitle(messages.getMessage("problem.invalid-hot-deal.title", null, locale));
            problem.setProperty("field", e.field());
            return problem;
        }

        @ExceptionHandler(UnknownHotDealException.class)
        ProblemDetail unknown(UnknownHotDealException e, Locale locale) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    messages.getMessage("problem.unknown-hot-deal.detail", null, locale));
            problem.setType(URI.create("https://onshore.dev/problems/unknown-hot-deal"));
            problem.setTitle(messages.getMessage("problem.unknown-hot-deal.title", null, locale));
            return problem;
        }

        @ExceptionHandler(HotDealOverException.class)
        ProblemDetail over(HotDealOverException e, Locale locale) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    messages.getMessage("problem.hot-deal-over.detail", null, locale));
            problem.setType(URI.create("https://onshore.dev/problems/hot-deal-over"));
            problem.setTitle(messages.getMessage("problem.hot-deal-over.title", null, locale));
            return problem;
        }
    }
}
