package dev.onshore.was.storefront;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A browser on the storefront's pages, for the page tests: it keeps the cookies the shop sets, asks in one language
 * and posts a form as its page gives it (the CSRF token and the form's own one-time token, then the fields).
 */
final class StorefrontBrowser {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    final Map<String, Cookie> jar = new LinkedHashMap<>();
    private final MockMvc mvc;
    private final String language;

    /** @param language the browser's Accept-Language */
    StorefrontBrowser(MockMvc mvc, String language) {
        this.mvc = mvc;
        this.language = language;
    }

    MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        if (!jar.isEmpty()) {
            request.cookie(jar.values().toArray(Cookie[]::new));
        }
        var result = mvc.perform(request.header("Accept-Language", language)).andReturn();
        for (var cookie : result.getResponse().getCookies()) {
            if (cookie.getMaxAge() == 0) {
                jar.remove(cookie.getName());
            } else {
                jar.put(cookie.getName(), cookie);
            }
        }
        return result;
    }

    /** Opens {@code page} and posts its form {@code action}. */
    MvcResult submit(String page, String action, Map<String, String> fields) throws Exception {
        return perform(form(page, action, fields));
    }

    /** The form {@code action} of {@code page} as the page gives it, not sent yet. */
    MockHttpServletRequestBuilder form(String page, String action, Map<String, String> fields) throws Exception {
        return formFrom(perform(get(page)).getResponse().getContentAsString(), action, fields);
    }

    /** Posts the form {@code action} of a page already opened. */
    MvcResult submitFrom(String html, String action, Map<String, String> fields) throws Exception {
        return perform(formFrom(html, action, fields));
    }

    /** The form with the page's hidden fields; a {@code formToken} among the fields replaces the page's. */
    private static MockHttpServletRequestBuilder formFrom(String html, String action, Map<String, String> fields) {
        var request = post(action);
        var csrf = CSRF.matcher(html);
        if (csrf.find()) {
            request.param("_csrf", csrf.group(1));
        }
        var token = fields.containsKey("formToken") ? null : formToken(html, action);
        if (token != null) {
            request.param("formToken", token);
        }
        fields.forEach(request::param);
        return request;
    }

    /**
     * The one-time token of the page's form that posts to {@code action} (each form has its own), or else of a form
     * of the same kind for another address (a request made up with someone else's address id); null if none.
     */
    static @Nullable String formToken(String html, String action) {
        var form = html.indexOf("action=\"" + action + "\"");
        if (form < 0) {
            var sameKind = Pattern.compile("action=\"" + Pattern.quote(action)
                    .replaceAll("/addresses/[^/]+/", "/addresses/\\\\E[^/\"]+\\\\Q/") + "\"").matcher(html);
            form = sameKind.find() ? sameKind.start() : -1;
        }
        var token = FORM_TOKEN.matcher(html);
        return form >= 0 && token.find(form) ? token.group(1) : null;
    }
}
