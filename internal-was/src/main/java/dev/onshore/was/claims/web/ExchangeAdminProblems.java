package dev.onshore.was.claims.web;

import dev.onshore.was.adminapi.AdminProblems;
import dev.onshore.was.inventory.InsufficientStockException;
import dev.onshore.was.orders.IllegalOrderTransitionException;
import dev.onshore.was.orders.UnknownOrderException;
import java.util.Locale;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The exchanges' refusals as problem details in the operator's language; nothing was changed by any of them. */
@RestControllerAdvice(assignableTypes = ExchangesAdminController.class)
class ExchangeAdminProblems {

    private final AdminProblems problems;

    ExchangeAdminProblems(AdminProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(UnknownOrderException.class)
    ProblemDetail unknown(UnknownOrderException e, Locale locale) {
        return problems.problem(HttpStatus.NOT_FOUND, "order-not-found", locale);
    }

    /** 409: approving before a request, shipping the replacement before the returned item came back, … */
    @ExceptionHandler(IllegalOrderTransitionException.class)
    ProblemDetail illegal(IllegalOrderTransitionException e, Locale locale) {
        var problem = problems.problem(HttpStatus.CONFLICT, "illegal-order-transition", locale, e.number(), e.from());
        problem.setProperty("status", e.from());
        return problem;
    }

    /** 409: the replacement is not in stock; the exchange stays requested. */
    @ExceptionHandler(InsufficientStockException.class)
    ProblemDetail outOfStock(InsufficientStockException e, Locale locale) {
        var problem = problems.problem(HttpStatus.CONFLICT, "exchange-out-of-stock", locale, e.sku());
        problem.setProperty("sku", e.sku());
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException e, Locale locale) {
        return problems.problem(HttpStatus.CONFLICT, "order-changed", locale);
    }
}
