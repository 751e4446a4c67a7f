package dev.onshore.was.rates.internal;

import dev.onshore.i18n.rates.ExchangeRate;
import dev.onshore.i18n.rates.RateSource;
import dev.onshore.i18n.rates.Rates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exchange rates in MariaDB ({@code exchange_rate}): every import and override is a row, never updated. The rate in
 * force for a pair is asked for on every converted price, so each answer is kept for at most {@link #FRESH} (or
 * until the next recorded rate takes effect): a node queries about once a second per currency, and a rate recorded
 * on another node is used everywhere within that second. Writes on this node forget the answers at once.
 */
final class JdbcRates implements Rates {

    static final Duration FRESH = Duration.ofSeconds(1);

    /** The rate in force for {@code [from, until)}, as last read. */
    private record InForce(Optional<ExchangeRate> rate, Instant from, Instant until) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ConcurrentMap<String, InForce> inForce;
    private final @Nullable String recordedBy;

    JdbcRates(JdbcClient jdbc, TransactionTemplate transactions) {
        this(jdbc, transactions, new ConcurrentHashMap<>(), null);
    }

    private JdbcRates(JdbcClient jdbc, TransactionTemplate transactions, ConcurrentMap<String, InForce> inForce,
            @Nullable String recordedBy) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.inForce = inForce;
        this.recordedBy = recordedBy;
    }

    /** The same store, recording {@code operator} as the author of what is added through it (the audit). */
    JdbcRates recordedBy(String operator) {
        return new JdbcRates(jdbc, transactions, inForce, operator);
    }

    @Override
    public void addAll(Collection<ExchangeRate> rates) {
        var copy = List.copyOf(rates);
        transactions.executeWithoutResult(status -> copy.forEach(rate -> jdbc.sql("""
                INSERT INTO exchange_rate (id, base, quote, rate, effective_from, source, reason, recorded_at,
                                           recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(rate.id().toString(), rate.base().getCurrencyCode(), rate.quote().getCurrencyCode(),
                        rate.rate(), Timestamp.from(rate.effectiveFrom()), rate.source().name(), rate.reason(),
                        Timestamp.from(rate.recordedAt()), recordedBy)
                .update()));
        inForce.clear();
    }

    @Override
    public Optional<ExchangeRate> effectiveAt(Currency base, Currency quote, Instant at) {
        var key = base.getCurrencyCode() + quote.getCurrencyCode();
        var known = inForce.get(key);
        if (known != null && !at.isBefore(known.from()) && at.isBefore(known.until())) {
            return known.rate();
        }
        var rate = jdbc.sql("""
                SELECT * FROM exchange_rate WHERE base = ? AND quote = ? AND effective_from <= ?
                ORDER BY effective_from DESC, recorded_at DESC LIMIT 1""")
                .params(base.getCurrencyCode(), quote.getCurrencyCode(), Timestamp.from(at))
                .query(JdbcRates::rate).optional();
        var next = jdbc.sql("SELECT MIN(effective_from) FROM exchange_rate WHERE base = ? AND quote = ? AND effective_from > ?")
                .params(base.getCurrencyCode(), quote.getCurrencyCode(), Timestamp.from(at))
                .query((rs, row) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
        var until = at.plus(FRESH);
        if (next.isPresent() && next.get().isBefore(until)) {
            until = next.get();
        }
        inForce.put(key, new InForce(rate, at, until));
        return rate;
    }

    @Override
    public List<ExchangeRate> history(Currency base, Currency quote) {
        return jdbc.sql("SELECT * FROM exchange_rate WHERE base = ? AND quote = ? ORDER BY effective_from, recorded_at")
                .params(base.getCurrencyCode(), quote.getCurrencyCode()).query(JdbcRates::rate).list();
    }

    @Override
    public Set<Currency> quotes(Currency base) {
        return new LinkedHashSet<>(jdbc.sql("SELECT DISTINCT quote FROM exchange_rate WHERE base = ? ORDER BY quote")
                .param(base.getCurrencyCode()).query((rs, row) -> Currency.getInstance(rs.getString(1))).list());
    }

    /** Who recorded the rate with this id, empty for the system. */
    Optional<String> recorder(UUID id) {
        return jdbc.sql("SELECT recorded_by FROM exchange_rate WHERE id = ?").param(id.toString())
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(found -> found);
    }

    private static ExchangeRate rate(ResultSet rs, int row) throws SQLException {
        return new ExchangeRate(UUID.fromString(rs.getString("id")), Currency.getInstance(rs.getString("base")),
                Currency.getInstance(rs.getString("quote")), rs.getBigDecimal("rate"),
                rs.getTimestamp("effective_from").toInstant(), RateSource.valueOf(rs.getString("source")),
                rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant());
    }
}
