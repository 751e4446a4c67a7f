package dev.onshore.was.notifications.internal;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Notifications' settings.
 *
 * @param from the sender of order mails, e.g. {@code Onshore <orders@shop.example>}
 */
@Validated
@ConfigurationProperties("onshore.notifications")
record NotificationProperties(@NotBlank String from) {

    NotificationProperties {
        from = from == null ? "Onshore <orders@onshore.test>" : from;
    }
}
