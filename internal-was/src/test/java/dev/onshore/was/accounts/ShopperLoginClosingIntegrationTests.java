package dev.onshore.was.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.zaxxer.hikari.HikariDataSource;
import dev.onshore.was.AccountTestSupport;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.accounts.realm.ShopperRealmUsers;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An erased shopper's login is closed in Keycloak with no transaction open: a Keycloak that stalls holds no pool
 * connection, and a node that dies after the delete and before marking the erasure done leaves it pending, to be
 * deleted again (Keycloak's 404 counts as deleted) and marked done by the event's next delivery. Keycloak is stood in
 * for by the realm client's spy; its own handling of the 404 is the realm client's.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=6",
        "spring.datasource.hikari.connection-timeout=5000", "onshore.events.listeners.concurrency=3",
        "onshore.mail.concurrency=2",
        "onshore.events.retry-after=PT1S", "onshore.events.retry-every=PT1S"})
class ShopperLoginClosingIntegrationTests extends AccountTestSupport {

    @MockitoSpyBean
    ShopperRealmUsers realm;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private final Map<String, CountDownLatch> stalled = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> deletes = new ConcurrentHashMap<>();

    @BeforeEach
    void keycloakWithAClientSecret() {
        doReturn(true).when(realm).configured();
        doAnswer(call -> {
            String subject = call.getArgument(0);
            var deleted = deletes.get(subject);
            if (deleted != null) {
                deleted.countDown();
            }
            var stall = stalled.get(subject);
            if (stall != null) {
                stall.await();
            }
            return null;
        }).when(realm).delete(anyString());
    }

    @Test
    void aStalledKeycloakHoldsNoPoolConnectionAndTheErasureIsDoneOnceItAnswers() throws Exception {
        var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        var subject = "close-" + UUID.randomUUID();
        var stall = new CountDownLatch(1);
        stalled.put(subject, stall);
        deletes.put(subject, new CountDownLatch(1));
        try {
            erase(subject);
            await("the delete to reach Keycloak", () -> deletes.get(subject).getCount() == 0);
            await("no pool connection held while Keycloak stalls", () -> pool.getActiveConnections() == 0);
            assertThat(identityDone(subject)).isFalse();
        } finally {
            stall.countDown();
        }
        await("the erasure marked done", () -> identityDone(subject));
    }

    @Test
    void anErasureWhoseDeleteWasNotRecordedIsDeletedAgainAndMarkedDone() throws Exception {
        var subject = "close-" + UUID.randomUUID();
        // The node "dies" after Keycloak deleted the user, before the erasure is marked done.
        var trigger = "it_identity_unrecorded_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("""
                CREATE TRIGGER %s BEFORE UPDATE ON account_erasure FOR EACH ROW
                BEGIN
                  IF NEW.subject = '%s' AND NEW.identity_done_at IS NOT NULL THEN
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the node died before marking the erasure done';
                  END IF;
                END""".formatted(trigger, subject)).update();
        try {
            deletes.put(subject, new CountDownLatch(2));
            erase(subject);
            await("the user deleted twice", () -> deletes.get(subject).getCount() == 0);
            assertThat(identityDone(subject)).isFalse();
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS " + trigger).update();
        }
        await("the erasure marked done", () -> identityDone(subject));
    }

    private void erase(String subject) throws Exception {
        var token = OperatorsRealm.shopperToken(subject, subject + "@example.com");
        assertStatus(json(put("/api/shop/v1/account"), token, "{\"displayName\":\"Ani Wijaya\",\"market\":\"ID\"}"),
                200);
        assertStatus(json(post("/api/shop/v1/account/erasure"), token, "{\"confirm\":true}"), 200);
    }

    private org.springframework.test.web.servlet.MvcResult json(MockHttpServletRequestBuilder request, String token,
            String body) throws Exception {
        return mvc.perform(request.header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn();
    }

    private boolean identityDone(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM account_erasure WHERE subject = ? AND identity_done_at IS NOT NULL")
                .param(subject).query(Integer.class).single() == 1;
    }
}
