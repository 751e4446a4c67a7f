package dev.onshore.was.payments.web;

import dev.onshore.was.payments.InvalidWebhookException;
import dev.onshore.was.payments.internal.PaymentMismatchException;
import dev.onshore.was.payments.internal.UnknownProviderException;
import java.net.URI;
import java.util.Locale;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The webhook endpoint's refusals as problem details; the detail never says which check failed. */
@RestControllerAdvice(basePackageClasses = PaymentProblems.class)
class PaymentProblems {

    private final MessageSource messages;
    private final io.micrometer.core.instrument.Meter.MeterProvider<Counter> rejections;

    PaymentProblems(MessageSource messages, MeterRegistry meters) {
        this.messages = messages;
        this.rejections = Counter.builder("onshore.payment.webhooks.rejected")
                .description("Payment webhooks refused, by reason").withRegistry(meters);
    }

    @ExceptionHandler(InvalidWebhookException.class)
    ProblemDetail invalid(InvalidWebhookException e, Locale locale) {
        rejected("invalid");
        return problem(HttpStatus.UNAUTHORIZED, "invalid-webhook", locale);
    }

    @ExceptionHandler(PaymentMismatchException.class)
    ProblemDetail mismatch(PaymentMismatchException e, Locale locale) {
        rejected("mismatch");
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "payment-mismatch", locale);
    }

    @ExceptionHandler(UnknownProviderException.class)
    ProblemDetail unknownProvider(UnknownProviderException e, Locale locale) {
        rejected("unknown-provider");
        return problem(HttpStatus.NOT_FOUND, "unknown-provider", locale);
    }

    /** {@code onshore_payment_webhooks_rejected_total{reason}}: a forged or replayed storm shows here first. */
    private void rejected(String reason) {
        rejections.withTag("reason", reason).increment();
    }

    private ProblemDetail problem(HttpStatus status, String kind, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage("problem." + kind + ".detail", null, locale));
        problem.setType(URI.create("https://onshore.dev/problems/" + kind));
        problem.setTitle(messages.getMessage("problem." + kind + ".title", null, locale));
        return problem;
    }
}
