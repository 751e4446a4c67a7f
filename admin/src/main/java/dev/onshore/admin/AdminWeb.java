package dev.onshore.admin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The operator's language and time zone: Korean or English, chosen with {@code ?lang=ko|en} (kept in a cookie), else
 * from Accept-Language; times in KST unless the operator chose another zone with {@code ?tz=Europe/Berlin}.
 */
@Configuration(proxyBeanMethods = false)
class AdminWeb implements WebMvcConfigurer {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final List<Locale> LANGUAGES = List.of(Locale.KOREAN, Locale.ENGLISH);

    private final CookieLocaleResolver resolver = resolver();

    @Bean
    LocaleResolver localeResolver() {
        return resolver;
    }

    private static CookieLocaleResolver resolver() {
        var resolver = new CookieLocaleResolver("onshore_admin_locale");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultTimeZone(TimeZone.getTimeZone(SEOUL));
        resolver.setDefaultLocaleFunction(AdminWeb::fromAcceptLanguage);
        return resolver;
    }

    static Locale fromAcceptLanguage(HttpServletRequest request) {
        for (var wanted : java.util.Collections.list(request.getLocales())) {
            for (var language : LANGUAGES) {
                if (language.getLanguage().equals(wanted.getLanguage())) {
                    return language;
                }
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var language = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws ServletException {
                var wanted = request.getParameter(getParamName());
                if (wanted != null && LANGUAGES.stream().noneMatch(l -> l.getLanguage().equals(wanted))) {
                    return true; // only the languages the back office speaks
                }
                return super.preHandle(request, response, handler);
            }
        };
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language);
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                var zone = request.getParameter("tz");
                if (zone != null && zone.length() <= 40) {
                    try {
                        var chosen = TimeZone.getTimeZone(ZoneId.of(zone));
                        resolver.setLocaleContext(request, response,
                                new SimpleTimeZoneAwareLocaleContext(resolver.resolveLocale(request), chosen));
                    } catch (DateTimeException ignored) {
                        // an unknown zone changes nothing
                    }
                }
                return true;
            }
        });
    }
}
