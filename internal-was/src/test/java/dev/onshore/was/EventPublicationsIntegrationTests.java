package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.cms.ItemContent;
import dev.onshore.was.cms.PageTemplate;
import dev.onshore.was.cms.SiteContent;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Every listener Spring Modulith keeps a publication for runs on a thread of its own. A synchronous one
 * ({@code @TransactionalEventListener} without {@code @Async}) gets its publication completed in a transaction of its
 * own while the publisher's connection is still bound: two pool connections per request, and a checkout burst that
 * takes them all waits for the pool's timeout. Orders placed and paid and a site changed, then every
 * listener the registry holds is checked.
 */
class EventPublicationsIntegrationTests extends ShopTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SiteContent cms;

    @Test
    void everyListenerWithAPublicationRunsAsynchronously() throws Exception {
        paidOrder("HS-VITC-1000", 1, null);
        order("HS-VITC-1000", 1);
        var page = "ev-" + UUID.randomUUID().toString().substring(0, 8);
        cms.withdraw(cms.schedule("ID", page, PageTemplate.HOME, "highlights", "id", 0, null, null,
                new ItemContent.Text("Event test")));

        var listeners = jdbc.sql("SELECT DISTINCT listener_id FROM EVENT_PUBLICATION").query(String.class).list();
        assertThat(listeners).as("listeners with publications").isNotEmpty()
                .anySatisfy(id -> assertThat(id).contains("OrderPlaced"));
        assertThat(listeners).allSatisfy(id -> assertThat(AnnotatedElementUtils.hasAnnotation(method(id), Async.class))
                .as("%s runs asynchronously", id).isTrue());
    }

    /** The listener method a publication names: {@code a.b.Type.method(a.b.Event)}. */
    private static Method method(String listenerId) {
        var open = listenerId.indexOf('(');
        var qualified = listenerId.substring(0, open);
        var dot = qualified.lastIndexOf('.');
        var loader = EventPublicationsIntegrationTests.class.getClassLoader();
        try {
            var type = ClassUtils.forName(qualified.substring(0, dot), loader);
            var parameters = listenerId.substring(open + 1, listenerId.length() - 1);
            var types = parameters.isEmpty() ? new Class<?>[0] : Arrays.stream(parameters.split(","))
                    .map(name -> ClassUtils.resolveClassName(name.strip(), loader)).toArray(Class<?>[]::new);
            var found = ReflectionUtils.findMethod(type, qualified.substring(dot + 1), types);
            assertThat(found).as("the listener %s", listenerId).isNotNull();
            return found;
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the listener " + listenerId + " names no class here", e);
        }
    }
}
