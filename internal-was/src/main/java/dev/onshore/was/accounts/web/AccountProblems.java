package dev.onshore.was.accounts.web;

import dev.onshore.was.shared.ShopProblemDetails;
import dev.onshore.was.accounts.AccountErasedException;
import dev.onshore.was.accounts.AccountErasureRefusedException;
import dev.onshore.was.accounts.InvalidAccountInputException;
import dev.onshore.was.accounts.UnknownAddressException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The account API's errors as RFC 9457 problem details in the shopper's language. */
@RestControllerAdvice(basePackageClasses = AccountProblems.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

    private final MessageSource messages;
    private final ShopProblemDetails problems;

    AccountProblems(MessageSource messages) {
        this.messages = messages;
        this.problems = new ShopProblemDetails(messages);
    }

    @ExceptionHandler(InvalidAccountInputException.class)
    ProblemDetail invalid(InvalidAccountInputException e, Locale locale) {
        var field = messages.getMessage("account.field." + e.field(), null, e.field(), locale);
        var problem = problems.problem(HttpStatus.BAD_REQUEST, "account.invalid-input", locale, field);
        problem.setProperty("field", e.field());
        problem.setProperty("code", e.code());
        problems.addAddressErrors(problem, e.addressErrors(), locale);
        return problem;
    }

    @ExceptionHandler(UnknownAddressException.class)
    ProblemDetail unknown(UnknownAddressException e, Locale locale) {
        return problems.problem(HttpStatus.NOT_FOUND, "account.unknown-address", locale);
    }

    @ExceptionHandler(AccountErasureRefusedException.class)
    ProblemDetail refused(AccountErasureRefusedException e, Locale locale) {
        var problem = problems.problem(HttpStatus.CONFLICT, "account.open-orders", locale, e.openOrders());
        problem.setProperty("openOrders", e.openOrders());
        return problem;
    }

    /** A token issued before its account was erased: nothing personal is saved again (410, for good). */
    @ExceptionHandler(AccountErasedException.class)
    ProblemDetail erased(AccountErasedException e, Locale locale) {
        return problems.problem(HttpStatus.GONE, "account.erased", locale);
    }

    /** Unreadable JSON as the shop API's invalid-request problem. */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadable(Exception e, Locale locale) {
        return problems.unreadableBody(locale);
    }
}
