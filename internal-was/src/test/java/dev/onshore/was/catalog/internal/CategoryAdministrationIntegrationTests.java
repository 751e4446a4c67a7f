package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.OperatorsRealm;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Operators' edits of the category tree through the admin API on real MariaDB: levels, codes, versions, what is in
 * use, roles and the audit trail. The categories a test adds sit under the demo's {@code health.vitamins.minerals}
 * with a code of their own and are deleted afterwards, so the demo tree other tests read stays as it is.
 */
class CategoryAdministrationIntegrationTests extends CatalogTestSupport {

    private static final String PARENT = "health.vitamins.minerals";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Categories categories;

    private final String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final String code = PARENT + "." + slug;

    @AfterEach
    void deleteWhatTheTestAdded() {
        jdbc.update("DELETE FROM category WHERE code LIKE ?", PARENT + ".it-%");
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String roles) {
        return request.header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "editor")
                .header("X-Onshore-Operator-Roles", roles).contentType(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder asEditor(MockHttpServletRequestBuilder request) {
        return as(request, "CATALOG_MANAGER");
    }

    private long added(String parent, String slug) throws Exception {
        var body = mvc.perform(asEditor(post("/api/admin/categories")).content("""
                        {"parent": "%s", "slug": "%s", "names": {"en": "Trace elements", "ko": "미량 원소", "th": " "}}"""
                        .formatted(parent, slug)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(parent + "." + slug))
                .andExpect(jsonPath("$.depth").value(4))
                .andExpect(jsonPath("$.names.ko").value("미량 원소"))
                .andExpect(jsonPath("$.names.th").doesNotExist())
                .andExpect(jsonPath("$.products").value(0))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.version")).longValue();
    }

    /**
     * Statements of this user that touch a category row and are still running: one that locks it or deletes it is
     * only seen here while it waits for a lock (the application's user may see its own threads, not InnoDB's locks).
     */
    private static final String WAITING_ON_CATEGORY = "SELECT COUNT(*) FROM information_schema.PROCESSLIST"
            + " WHERE ID <> CONNECTION_ID() AND COMMAND = 'Query' AND LOWER(INFO) LIKE '%from category%'"
            + " AND (LOWER(INFO) LIKE '%for update%' OR LOWER(INFO) LIKE 'delete%')";

    /** A DELETE of the category as of its current version. */
    private MockHttpServletRequestBuilder deleteOf(String category) {
        return delete("/api/admin/categories/{code}", category)
                .param("version", "" + categories.findById(category).orElseThrow().version());
    }

    private List<String> audited(String action) {
        return jdbc.queryForList("SELECT CONCAT(actor, ' ', COALESCE(before_json, '-'), ' ', COALESCE(after_json, '-'))"
                + " FROM audit_entry WHERE action = ? AND target = ? ORDER BY id", String.class, action,
                "category:" + code);
    }

    @Test
    void theTreeShowsEveryNamePositionAndHowManyProductsUseEachCategory() throws Exception {
        mvc.perform(as(get("/api/admin/categories"), "VIEWER")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'health')].depth").value(1))
                .andExpect(jsonPath("$[?(@.code == 'health')].names.ko").value("건강기능식품"))
                .andExpect(jsonPath("$[?(@.code == 'health')].children[?(@.code == 'health.vitamins')].position")
                        .value(1))
                .andExpect(jsonPath("$[?(@.code == 'health')].children[?(@.code == 'health.vitamins')]"
                        + ".children[?(@.code == 'health.vitamins.vitamin-c')].products")
                        .value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.greaterThan(0))));
    }

    @Test
    void anOperatorAddsACategoryAndItIsAudited() throws Exception {
        added(PARENT, slug);

        var category = categories.findById(code).orElseThrow();
        assertThat(category.nameIn("ko")).isEqualTo("미량 원소");
        assertThat(category.isNamedIn("th")).isFalse();
        assertThat(audited("category.add")).singleElement().satisfies(row -> assertThat(row)
                .startsWith("editor - ").contains("Trace elements"));
    }

    @Test
    void aFifthLevelIsRefused() throws Exception {
        mvc.perform(asEditor(post("/api/admin/categories")).content("""
                        {"parent": "health.vitamins.minerals.zinc", "slug": "deeper", "names": {"en": "Deeper"}}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/category-too-deep"));
        assertThat(categories.existsById("health.vitamins.minerals.zinc.deeper")).isFalse();
    }

    @Test
    void aCodeThatIsTakenIsRefused() throws Exception {
        mvc.perform(asEditor(post("/api/admin/categories")).header("Accept-Language", "ko").content("""
                        {"parent": "health.vitamins", "slug": "minerals", "names": {"en": "Minerals again"}}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/duplicate-category"))
                .andExpect(jsonPath("$.title").value("이미 있는 카테고리"));
        assertThat(categories.findById(PARENT).orElseThrow().nameIn("en")).isEqualTo("Minerals");
    }

    @Test
    void anEmptyNameABadSlugOrAnUnknownParentIsReportedFieldByFieldAndNothingIsAdded() throws Exception {
        mvc.perform(asEditor(post("/api/admin/categories")).content("""
                        {"parent": "%s", "slug": "Bad Slug!", "names": {"en": "  ", "ko": "이름"}}""".formatted(PARENT)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("slug", "names.en")))
                .andExpect(jsonPath("$.errors[?(@.field == 'slug')].code").value("pattern"))
                .andExpect(jsonPath("$.errors[?(@.field == 'names.en')].code").value("required"));
        mvc.perform(asEditor(post("/api/admin/categories")).content("""
                        {"parent": "health.nowhere", "slug": "", "names": {"en": "Lost"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("parent", "slug")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM category WHERE code LIKE ?", Integer.class,
                PARENT + ".it-%")).isZero();
    }

    @Test
    void aRenameNamesTheVersionItWasMadeOnAndAStaleOneIsRefused() throws Exception {
        var version = added(PARENT, slug);
        mvc.perform(asEditor(put("/api/admin/categories/{code}", code).param("version", "" + version)).content("""
                        {"names": {"en": "Trace minerals", "ko": "미량 미네랄", "id": "Mineral mikro"}}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(version + 1))
                .andExpect(jsonPath("$.names.id").value("Mineral mikro"));

        mvc.perform(asEditor(put("/api/admin/categories/{code}", code).param("version", "" + version)).content("""
                        {"names": {"en": "Written on an old page"}}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/stale-category"))
                .andExpect(jsonPath("$.currentVersion").value(version + 1));
        mvc.perform(asEditor(put("/api/admin/categories/{code}", code).param("version", "" + (version + 1)))
                        .content("{\"names\": {\"en\": \"\", \"ko\": \"영어 이름 없음\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("names.en"));

        var category = categories.findById(code).orElseThrow();
        assertThat(category.nameIn("en")).isEqualTo("Trace minerals");
        assertThat(category.version()).isEqualTo(version + 1);
        assertThat(audited("category.change")).singleElement().satisfies(row -> assertThat(row)
                .startsWith("editor ").contains("Trace elements").contains("Trace minerals"));
    }

    @Test
    void aCategoryMovesAmongItsSiblings() throws Exception {
        var version = added(PARENT, slug);
        mvc.perform(asEditor(put("/api/admin/categories/{code}", code).param("version", "" + version))
                        .content("{\"position\": 1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.position").value(1));
        var siblings = categories.siblings(PARENT).stream().map(Category::code).toList();
        assertThat(siblings.getFirst()).isEqualTo(code);
        assertThat(siblings).contains(PARENT + ".zinc", PARENT + ".magnesium");
        mvc.perform(asEditor(put("/api/admin/categories/{code}", code)
                        .param("version", "" + categories.findById(code).orElseThrow().version()))
                        .content("{\"position\": 99}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.position").value(siblings.size()));
        mvc.perform(asEditor(put("/api/admin/categories/{code}", code)
                        .param("version", "" + categories.findById(code).orElseThrow().version()))
                        .content("{\"position\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("position"));
        mvc.perform(asEditor(put("/api/admin/categories/{code}", code)
                        .param("version", "" + categories.findById(code).orElseThrow().version())).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("names"));
    }

    @Test
    void aCategoryInUseIsNotDeletedAndAnUnusedOneIs() throws Exception {
        mvc.perform(asEditor(deleteOf("health.vitamins.vitamin-c")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/category-in-use"))
                .andExpect(jsonPath("$.products").value(org.hamcrest.Matchers.greaterThan(0)));
        mvc.perform(asEditor(deleteOf(PARENT)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/category-in-use"))
                .andExpect(jsonPath("$.children").value(4));
        assertThat(categories.existsById("health.vitamins.vitamin-c")).isTrue();

        var version = added(PARENT, slug);
        mvc.perform(asEditor(delete("/api/admin/categories/{code}", code))).andExpect(status().isBadRequest());
        mvc.perform(asEditor(deleteOf(code))).andExpect(status().isNoContent());
        assertThat(categories.existsById(code)).isFalse();
        assertThat(audited("category.delete")).singleElement().satisfies(row -> assertThat(row)
                .startsWith("editor ").contains("Trace elements").endsWith(" -"));
        mvc.perform(asEditor(delete("/api/admin/categories/{code}", code).param("version", "" + version)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/unknown-category"));
    }

    @Test
    void viewersReadTheTreeButOnlyCatalogManagersAndAdminsChangeIt() throws Exception {
        for (var roles : List.of("VIEWER", "ORDER_MANAGER", "CONTENT_MANAGER,FINANCE", "")) {
            mvc.perform(as(post("/api/admin/categories"), roles).content("""
                            {"parent": "%s", "slug": "%s", "names": {"en": "Taken"}}""".formatted(PARENT, slug)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/operator-role"));
            mvc.perform(as(deleteOf("health.herbal.turmeric"), roles))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(as(get("/api/admin/categories"), "VIEWER")).andExpect(status().isOk());
        mvc.perform(as(get("/api/admin/categories"), "ORDER_MANAGER")).andExpect(status().isForbidden());
        assertThat(categories.existsById(code)).isFalse();
        assertThat(categories.existsById("health.vitamins.minerals")).isTrue();

        var version = ((Number) JsonPath.read(mvc.perform(as(post("/api/admin/categories"), "ADMIN").content("""
                        {"parent": "%s", "slug": "%s", "names": {"en": "By the admin"}}""".formatted(PARENT, slug)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.version"))
                .longValue();
        mvc.perform(as(put("/api/admin/categories/{code}", code).param("version", "" + version), "VIEWER")
                .content("{\"names\": {\"en\": \"By a viewer\"}}")).andExpect(status().isForbidden());
        assertThat(categories.findById(code).orElseThrow().nameIn("en")).isEqualTo("By the admin");
    }

    @Test
    void aDeletionOfAVersionRenamedSinceIsRefusedAndTheCategoryKept() throws Exception {
        var version = added(PARENT, slug);
        mvc.perform(asEditor(put("/api/admin/categories/{code}", code).param("version", "" + version))
                .content("{\"names\": {\"en\": \"Renamed meanwhile\"}}")).andExpect(status().isOk());
        mvc.perform(asEditor(delete("/api/admin/categories/{code}", code).param("version", "" + version)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/stale-category"))
                .andExpect(jsonPath("$.editedVersion").value(version))
                .andExpect(jsonPath("$.currentVersion").value(version + 1));
        assertThat(categories.existsById(code)).isTrue();
        assertThat(audited("category.delete")).isEmpty();
    }

    /**
     * The race a count alone loses: a product is moved into the category by a transaction that has not committed
     * when the deletion counts (a plain read sees 0), and commits while the deletion waits for its lock. The
     * deletion must count it and answer 409 category-in-use, not fail on the foreign key (500) or delete.
     */
    @Test
    void aProductMovedInWhileTheDeletionWaitsIsCountedAndTheCategoryKept() throws Exception {
        added(PARENT, slug);
        var sku = jdbc.queryForObject("SELECT sku FROM product WHERE category_code = 'health.vitamins.vitamin-c' LIMIT 1",
                String.class);
        var dataSource = jdbc.getDataSource();
        try (var connection = java.util.Objects.requireNonNull(dataSource).getConnection()) {
            connection.setAutoCommit(false);
            try (var move = connection.prepareStatement("UPDATE product SET category_code = ? WHERE sku = ?")) {
                move.setString(1, code);
                move.setString(2, sku);
                assertThat(move.executeUpdate()).isOne();
            }
            var deletion = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return mvc.perform(asEditor(deleteOf(code))).andReturn().getResponse();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // The deletion is waiting on a lock the uncommitted move holds (or has already answered, wrongly).
            var deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (!deletion.isDone() && jdbc.queryForObject(
                    WAITING_ON_CATEGORY, Integer.class) == 0) {
                assertThat(System.nanoTime() - deadline).as("the deletion waits for the move's lock").isNegative();
                Thread.sleep(20);
            }
            connection.commit();
            var answer = deletion.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(409);
            assertThat(JsonPath.<String>read(answer.getContentAsString(), "$.type"))
                    .isEqualTo("https://onshore.dev/problems/category-in-use");
            assertThat(JsonPath.<Integer>read(answer.getContentAsString(), "$.products")).isOne();
        } finally {
            jdbc.update("UPDATE product SET category_code = 'health.vitamins.vitamin-c' WHERE category_code = ?", code);
        }
        assertThat(categories.existsById(code)).isTrue();
        assertThat(audited("category.delete")).isEmpty();
    }
}
