package dev.onshore.was.audit.internal;

import dev.onshore.was.adminapi.AdminCaller;
import dev.onshore.was.audit.AuditEntry;
import dev.onshore.was.audit.AuditTrail;
import dev.onshore.was.audit.OperatorLogin;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail in MariaDB (tables {@code audit_entry}, {@code operator_login}: insert and select only). */
@Service
public class JdbcAuditTrail implements AuditTrail {

    /** What the audit log asks for; null filters match everything. Times are instants (the screen converts). */
    public record Query(@Nullable String actor, @Nullable String action, @Nullable String target,
            @Nullable Instant from, @Nullable Instant to, int page, int size) {
    }

    /** One page of entries, newest first. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String target, @Nullable Object before, @Nullable Object after) {
        var caller = AdminCaller.current();
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor, actor_roles, address, action, target, before_json, after_json)
                VALUES (:at, :actor, :roles, :address, :action, :target, :before, :after)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", caller.map(AdminCaller::operator).orElse("system"))
                .param("roles", caller.map(c -> c.roles().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(","))).orElse(""))
                .param("address", caller.map(AdminCaller::address).orElse(null))
                .param("action", action)
                .param("target", target.length() > 200 ? target.substring(0, 200) : target)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> search(Query query) {
        var where = new ArrayList<String>();
        var params = new java.util.HashMap<String, Object>();
        if (query.actor() != null) {
            where.add("actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.action() != null) {
            where.add("action LIKE :action");
            params.put("action", like(query.action()) + "%");
        }
        if (query.target() != null) {
            where.add("target LIKE :target");
            params.put("target", "%" + like(query.target()) + "%");
        }
        if (query.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.add("occurred_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        var filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + filter).params(params).query(Long.class).single();
        var items = jdbc.sql("SELECT * FROM audit_entry" + filter + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .params(params).param("size", query.size()).param("offset", (long) query.page() * query.size())
                .query(JdbcAuditTrail::entry).list();
        return new Page<>(items, query.page(), query.size(), total);
    }

    @Transactional
    public void recordLogin(String username, boolean succeeded, @Nullable String address, @Nullable String reason) {
        jdbc.sql("INSERT INTO operator_login (occurred_at, username, succeeded, address, reason) "
                        + "VALUES (:at, :username, :succeeded, :address, :reason)")
                .param("at", Timestamp.from(clock.instant())).param("username", username)
                .param("succeeded", succeeded).param("address", address).param("reason", reason).update();
    }

    @Transactional(readOnly = true)
    public Page<OperatorLogin> logins(int page, int size) {
        long total = jdbc.sql("SELECT COUNT(*) FROM operator_login").query(Long.class).single();
        var items = jdbc.sql("SELECT * FROM operator_login ORDER BY id DESC LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size)
                .query((rs, row) -> new OperatorLogin(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("username"), rs.getBoolean("succeeded"), rs.getString("address"),
                        rs.getString("reason")))
                .list();
        return new Page<>(items, page, size, total);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        var roles = rs.getString("actor_roles");
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), rs.getString("address"),
                rs.getString("action"), rs.getString("target"), rs.getString("before_json"),
                rs.getString("after_json"));
    }
}
