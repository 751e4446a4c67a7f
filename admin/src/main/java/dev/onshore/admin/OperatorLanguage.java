package dev.onshore.admin;

import java.io.IOException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The operator's language as the internal WAS is told it ({@code Accept-Language}), so that its refusals read in it.
 * As an interceptor it sets the header on every call that has none yet.
 */
public final class OperatorLanguage implements ClientHttpRequestInterceptor {

    /** The language tag of the current request's locale; never null. */
    public static String tag() {
        return LocaleContextHolder.getLocale().toLanguageTag();
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (!request.getHeaders().containsHeader(HttpHeaders.ACCEPT_LANGUAGE)) {
            request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, tag());
        }
        return execution.execute(request, body);
    }
}
