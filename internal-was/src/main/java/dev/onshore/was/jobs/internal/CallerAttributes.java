package dev.onshore.was.jobs.internal;

import dev.onshore.was.adminapi.AdminCaller;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;

/**
 * The admin API caller carried to a background job (an import), so that what the job changes is audited as the
 * operator's who started it, from where they started it, not as {@code system}.
 */
final class CallerAttributes implements RequestAttributes {

    private final ConcurrentHashMap<String, Object> attributes = new ConcurrentHashMap<>();

    CallerAttributes(AdminCaller caller) {
        attributes.put(AdminCaller.class.getName(), caller);
    }

    @Override
    public @Nullable Object getAttribute(String name, int scope) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value, int scope) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name, int scope) {
        attributes.remove(name);
    }

    @Override
    public String[] getAttributeNames(int scope) {
        return attributes.keySet().toArray(String[]::new);
    }

    @Override
    public void registerDestructionCallback(String name, Runnable callback, int scope) {
        // nothing to destroy: the job's attributes die with it
    }

    @Override
    public @Nullable Object resolveReference(String key) {
        return null;
    }

    @Override
    public String getSessionId() {
        return "";
    }

    @Override
    public Object getSessionMutex() {
        return this;
    }
}
