package dev.onshore.was.orders.web;

import dev.onshore.was.adminapi.AdminProblems;
import dev.onshore.was.orders.IllegalOrderTransitionException;
import dev.onshore.was.orders.OrderRefusals;
import dev.onshore.was.orders.UnknownOrderException;
import java.util.Locale;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals of the admin API controllers that work on orders ({@link OrderRefusals}: the orders' own, the claims')
 * as problem details in the operator's language; nothing was changed by any of them.
 */
@RestControllerAdvice(annotations = OrderRefusals.class)
class OrderAdminProblems {

    private final AdminProblems problems;

    OrderAdminProblems(AdminProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(UnknownOrderException.class)
    ProblemDetail unknown(UnknownOrderException e, Locale locale) {
        return problems.problem(HttpStatus.NOT_FOUND, "order-not-found", locale);
    }

    /**
     * 409: the order's state does not allow the move (shipping an unpaid order, cancelling a shipped one, approving
     * an exchange before its request, shipping its replacement before the returned item came back).
     */
    @ExceptionHandler(IllegalOrderTransitionException.class)
    ProblemDetail illegal(IllegalOrderTransitionException e, Locale locale) {
        var problem = problems.problem(HttpStatus.CONFLICT, "illegal-order-transition", locale, e.number(), e.from());
        problem.setProperty("orderStatus", e.from()); // "status" is the HTTP status (RFC 9457)
        return problem;
    }

    /** 409: another operator (or a payment) changed the order between reading and saving; nothing was saved. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException e, Locale locale) {
        return problems.problem(HttpStatus.CONFLICT, "order-changed", locale);
    }
}
