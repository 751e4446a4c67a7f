package dev.onshore.was.storefront;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param locales the page locales as BCP 47 tags of a language and a market's country ({@code id-ID}), the site
 *     default first
 */
@Validated
@ConfigurationProperties("onshore.storefront")
record StorefrontProperties(@NotEmpty List<String> locales) {
}
