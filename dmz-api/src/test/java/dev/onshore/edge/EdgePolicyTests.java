package dev.onshore.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EdgePolicyTests {

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
