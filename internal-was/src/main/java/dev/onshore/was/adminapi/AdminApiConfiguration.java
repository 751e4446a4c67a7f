package dev.onshore.was.adminapi;

import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link AdminAccessCheck} in front of every {@code /api/admin/**} handler. */
@Configuration(proxyBeanMethods = false)
class AdminApiConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAccessCheck()).addPathPatterns("/api/admin/**");
    }

    /** A missing operator role: 403 typed {@code operator-role}, in the caller's language. */
    @RestControllerAdvice
    static class RoleProblems {

        private final AdminProblems problems;

        RoleProblems(AdminProblems problems) {
            this.problems = problems;
        }

        @ExceptionHandler(OperatorRoleDeniedException.class)
        ProblemDetail denied(OperatorRoleDeniedException e, Locale locale) {
            return problems.problem(HttpStatus.FORBIDDEN, "operator-role", locale);
        }
    }
}
