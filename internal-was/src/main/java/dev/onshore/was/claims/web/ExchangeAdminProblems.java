package dev.onshore.was.claims.web;

import dev.onshore.was.adminapi.AdminProblems;
import dev.onshore.was.inventory.InsufficientStockException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The exchanges' own refusals as problem details in the operator's language; the orders' refusals (unknown order,
 * illegal move, stale copy) are answered by the orders' mapping ({@link dev.onshore.was.orders.OrderRefusals}).
 */
@RestControllerAdvice(assignableTypes = ExchangesAdminController.class)
class ExchangeAdminProblems {

    private final AdminProblems problems;

    ExchangeAdminProblems(AdminProblems problems) {
        this.problems = problems;
    }

    /** 409: the replacement is not in stock; the exchange stays requested. */
    @ExceptionHandler(InsufficientStockException.class)
    ProblemDetail outOfStock(InsufficientStockException e, Locale locale) {
        var problem = problems.problem(HttpStatus.CONFLICT, "exchange-out-of-stock", locale, e.sku());
        problem.setProperty("sku", e.sku());
        return problem;
    }
}
