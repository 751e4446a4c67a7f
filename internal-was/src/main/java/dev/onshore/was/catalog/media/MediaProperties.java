package dev.onshore.was.catalog.media;

import dev.onshore.was.catalog.internal.*;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where product images are kept and how large they may be.
 *
 * @param directory a folder every WAS node shares: the NAS mount in production ({@code /srv/onshore/media}), under
 *     {@code var/data} in the demo
 * @param maxImageSize uploads above this are refused
 */
@Validated
@ConfigurationProperties("onshore.media")
record MediaProperties(@DefaultValue("var/data/media") @NotNull Path directory,
        @DefaultValue("5MB") @NotNull DataSize maxImageSize) {
}
