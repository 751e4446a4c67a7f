package dev.onshore.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EdgePolicyTests {

    @Test
    void theContentSecurityPolicyIsTheOneInternalWasBuildsOn() throws Exception {
        // internal-was's build copies this file and its storefront pages extend the policy by a style hash
        // (StorefrontLighthouseIntegrationTests checks its side against the same file).
        var file = Files.readString(Path.of("src/main/resources", EdgePolicy.CONTENT_SECURITY_POLICY_FILE)).strip();
        assertThat(EdgePolicy.CONTENT_SECURITY_POLICY).isEqualTo(file).startsWith("default-src 'self';")
                .contains("object-src 'none'").contains("frame-ancestors 'none'").doesNotContain("\n");
    }

    @Test
    void normalizesWhatTheUpstreamWouldSeeSoBlockedPathsCannotBeDisguised() {
        assertThat(EdgePolicy.normalizedPath("/API/Admin/products")).isEqualTo("/api/admin/products");
        assertThat(EdgePolicy.normalizedPath("//api///admin")).isEqualTo("/api/admin");
        assertThat(EdgePolicy.normalizedPath("/api;jsessionid=1/admin;x=y/products")).isEqualTo("/api/admin/products");
        assertThat(EdgePolicy.normalizedPath("/%61pi/admin")).isEqualTo("/api/admin");
    }

    @Test
    void refusesDotSegmentsEncodedSeparatorsAndGarbage() {
        assertThat(EdgePolicy.normalizedPath("/id-id/../api/admin")).isNull();
        assertThat(EdgePolicy.normalizedPath("/id-id/%2e%2e/api/admin")).isNull();
        assertThat(EdgePolicy.normalizedPath("/a%2fb")).isNull();
        assertThat(EdgePolicy.normalizedPath("/a%5cb")).isNull();
        assertThat(EdgePolicy.normalizedPath("/a%00b")).isNull();
        assertThat(EdgePolicy.normalizedPath("/a%zz")).isNull();
        assertThat(EdgePolicy.normalizedPath("/" + "a".repeat(5000))).isNull();
        assertThat(EdgePolicy.normalizedPath("")).isNull();
    }

    @Test
    void keepsOrdinaryStorefrontPaths() {
        assertThat(EdgePolicy.normalizedPath("/id-id/")).isEqualTo("/id-id/");
        assertThat(EdgePolicy.normalizedPath("/ko-kr/search?q=%EB%B9%84%ED%83%80%EB%AF%BC")).isNotNull();
    }

    @Test
    void acceptsOnlyQueriesOfValidPercentEncoding() {
        assertThat(EdgePolicy.isValidQuery(null)).isTrue();
        assertThat(EdgePolicy.isValidQuery("q=%EB%B9%84%ED%83%80%EB%AF%BC&page=2")).isTrue();
        assertThat(EdgePolicy.isValidQuery("q=vitamin+c")).isTrue();
        assertThat(EdgePolicy.isValidQuery("q=%zz")).isFalse();
        assertThat(EdgePolicy.isValidQuery("q=%E0%A4%A")).isFalse();
        assertThat(EdgePolicy.isValidQuery("q=%")).isFalse();
        assertThat(EdgePolicy.isValidQuery("q=a\u0000b")).isFalse();
        assertThat(EdgePolicy.isValidQuery("q=" + "a".repeat(5000))).isFalse();
    }
}
