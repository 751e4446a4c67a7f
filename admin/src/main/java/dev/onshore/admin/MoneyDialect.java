package dev.onshore.admin;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #money} in every template: {@code ${#money.format(o.total().amount(), o.total().currency())}} writes the
 * amount for the operator's UI language (the template's locale, from {@link AdminWeb}'s resolver) through
 * {@link AmountFormat}. Spring Boot adds every dialect bean to the template engine.
 */
@Component
class MoneyDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String NAME = "money";

    MoneyDialect() {
        super("onshore-money");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return new Amounts(context.getLocale());
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true; // one per template run: the locale does not change within it
            }
        };
    }

    /** The {@code #money} object of one template run. */
    public static final class Amounts {

        private final Locale locale;

        Amounts(Locale locale) {
            this.locale = locale;
        }

        /** The amount in the currency (ISO code); empty when the amount is null. */
        public String format(@Nullable BigDecimal amount, @Nullable String currency) {
            return AmountFormat.format(amount, currency, locale);
        }
    }
}
