package dev.onshore.admin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What every screen test shares: the admin app with test-only client secrets, driven through MockMvc with Spring
 * Security, operators signed in with their roles, and rendered pages kept for a look. Each test class brings its own
 * {@link StandIn} of the internal WAS (a {@code @RegisterExtension} field and a {@code @DynamicPropertySource} that
 * registers it).
 */
@SpringBootTest(properties = {"onshore.admin.login-client-secret=test-only",
        "onshore.admin.service-client-secret=test-only"})
public abstract class ScreenTests {

    @Autowired
    private WebApplicationContext context;

    protected MockMvc mvc;

    @BeforeEach
    void buildMockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** An operator signed in through the operators realm as {@code name} with {@code roles}. */
    protected static OidcLoginRequestPostProcessor as(String name, String... roles) {
        return oidcLogin().idToken(token -> token.claim("preferred_username", name)).authorities(Arrays.stream(roles)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

    /**
     * Keeps the rendered page under target/screens (stylesheet and scripts pointing at the sources, media-store
     * images at target/screens/media, where a test may put them) so that Chromium can take the screenshots in
     * docs/screens from it.
     */
    protected static ResultHandler snapshot(String name) {
        return result -> {
            var html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            var resources = Path.of("src/main/resources/static").toAbsolutePath().toUri().toString();
            var webjars = Path.of("target/screens/webjars").toAbsolutePath().toUri().toString();
            var media = Path.of("target/screens/media").toAbsolutePath().toUri().toString();
            html = html.replace("href=\"/css/", "href=\"" + resources + "css/")
                    .replace("src=\"/js/", "src=\"" + resources + "js/")
                    .replace("src=\"/products/media/", "src=\"" + (media.endsWith("/") ? media : media + "/"))
                    .replace("src=\"/webjars/", "src=\"" + (webjars.endsWith("/") ? webjars : webjars + "/"));
            var directory = Files.createDirectories(Path.of("target/screens"));
            Files.writeString(directory.resolve(name + ".html"), html, StandardCharsets.UTF_8);
        };
    }
}
