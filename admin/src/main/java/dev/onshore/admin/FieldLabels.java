package dev.onshore.admin;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The operator-facing label of a field the internal WAS refused, by the request parameter or JSON property it named
 * ({@code email}, {@code listPrice}): {@code field.<name>} in the admin's bundles (Korean and English). The WAS
 * formats its field messages with the raw name ("email의 형식이 올바르지 않습니다."); every screen shows them
 * through {@link WasRefusal}, which puts the label in the name's place. Read from the same bundles as the screens, in
 * the locale of the request being rendered; a field without a label keeps its name.
 */
final class FieldLabels {

    private static final ResourceBundleMessageSource BUNDLE = new ResourceBundleMessageSource();

    static {
        BUNDLE.setBasename("messages");
        BUNDLE.setDefaultEncoding("UTF-8");
        BUNDLE.setFallbackToSystemLocale(false);
    }

    private FieldLabels() {
    }

    /** The WAS's {@code message} about {@code field}, with the field's label where it starts with the field's name. */
    static String relabel(String field, String message) {
        if (field.isEmpty() || !message.startsWith(field)) {
            return message;
        }
        var label = label(field, LocaleContextHolder.getLocale());
        return label == null ? message : label + message.substring(field.length());
    }

    /** The label of {@code field} in {@code locale}, or null when it has none. */
    static @Nullable String label(String field, Locale locale) {
        return BUNDLE.getMessage("field." + field, null, null, locale);
    }
}
