package dev.onshore.was.cart.internal;

import dev.onshore.i18n.market.Markets;
import dev.onshore.i18n.money.Money;
import dev.onshore.was.cart.CartKey;
import dev.onshore.was.cart.CartView;
import dev.onshore.was.cart.Carts;
import dev.onshore.was.cart.CreatedCart;
import dev.onshore.was.cart.InvalidCartLineException;
import dev.onshore.was.cart.UnknownCartException;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.security.BearerTokens;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Carts in MariaDB, found by the SHA-256 of their token or by their member. */
@Service
@Transactional
class CartService implements Carts {

    private final Markets markets;

    private final JdbcClient jdbc;
    private final CatalogPrices prices;
    private final Stock stock;
    private final Clock clock;

    CartService(JdbcClient jdbc, CatalogPrices prices, Stock stock, Markets markets, Clock clock) {
        this.markets = markets;
        this.jdbc = jdbc;
        this.prices = prices;
        this.stock = stock;
        this.clock = clock;
    }

    @Override
    public CreatedCart create(String market, @Nullable String memberSubject, String language) {
        var country = markets.find(market).map(found -> found.country())
                .orElseThrow(() -> new IllegalArgumentException("unknown market " + market));
        var token = BearerTokens.newToken();
        if (memberSubject != null) {
            var existing = jdbc.sql("SELECT id FROM cart WHERE member_subject = ? AND market = ? LIMIT 1")
                    .params(memberSubject, country).query((rs, row) -> rs.getBytes(1)).optional();
            if (existing.isPresent()) {
                jdbc.sql("UPDATE cart SET token_hash = ? WHERE id = ?").params(BearerTokens.hash(token), existing.get())
                        .update();
                return new CreatedCart(token, view(existing.get(), country, language, true));
            }
        }
        var id = bytes(UUID.randomUUID());
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO cart (id, token_hash, member_subject, market, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(id, BearerTokens.hash(token), memberSubject, country, now, now)
                .update();
        return new CreatedCart(token, view(id, country, language, true));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CartView> find(CartKey key, String language) {
        return locate(key, false).map(cart -> view(cart.id(), cart.market(), language, true));
    }

    @Override
    public CartView add(CartKey key, String sku, int quantity, String language) {
        var cart = open(key);
        var offer = orderable(sku, cart.market(), language);
        int inCart = jdbc.sql("SELECT quantity FROM cart_line WHERE cart_id = ? AND sku = ?")
                .params(cart.id(), offer.sku()).query(Integer.class).optional().orElse(0);
        if (quantity <= 0) {
            throw new InvalidCartLineException(offer.sku(), InvalidCartLineException.QUANTITY, 0);
        }
        return put(cart, offer, (long) inCart + quantity, inCart == 0, language);
    }

    @Override
    public CartView update(CartKey key, String sku, int quantity, String language) {
        var cart = open(key);
        var offer = orderable(sku, cart.market(), language);
        boolean present = jdbc.sql("SELECT COUNT(*) FROM cart_line WHERE cart_id = ? AND sku = ?")
                .params(cart.id(), offer.sku()).query(Integer.class).single() > 0;
        if (!present) {
            throw new InvalidCartLineException(offer.sku(), InvalidCartLineException.NOT_IN_CART, 0);
        }
        if (quantity <= 0) {
            throw new InvalidCartLineException(offer.sku(), InvalidCartLineException.QUANTITY, 0);
        }
        return put(cart, offer, quantity, false, language);
    }

    @Override
    public CartView remove(CartKey key, String sku, String language) {
        var cart = open(key);
        int removed = jdbc.sql("DELETE FROM cart_line WHERE cart_id = ? AND sku = ?")
                .params(cart.id(), sku.strip().toUpperCase(java.util.Locale.ROOT)).update();
        if (removed == 0) {
            throw new InvalidCartLineException(sku, InvalidCartLineException.NOT_IN_CART, 0);
        }
        touch(cart);
        return view(cart.id(), cart.market(), language, false);
    }

    @Override
    public Optional<CartView> merge(String guestToken, String memberSubject, String language) {
        var guest = jdbc.sql("SELECT id, market FROM cart WHERE token_hash = ? AND member_subject IS NULL FOR UPDATE")
                .param(BearerTokens.hash(guestToken))
                .query((rs, row) -> new StoredCart(rs.getBytes(1), rs.getString(2)))
                .optional().orElse(null);
        if (guest == null || guestToken.length() > 200) {
            return Optional.empty();
        }
        var member = jdbc.sql("SELECT id FROM cart WHERE member_subject = ? AND market = ? LIMIT 1 FOR UPDATE")
                .params(memberSubject, guest.market()).query((rs, row) -> rs.getBytes(1)).optional().orElse(null);
        if (member == null) {
            // The guest cart becomes the member's; its old token no longer opens it.
            jdbc.sql("UPDATE cart SET member_subject = ?, token_hash = ? WHERE id = ?")
                    .params(memberSubject, BearerTokens.hash(BearerTokens.newToken()), guest.id()).update();
            touch(guest);
            return Optional.of(view(guest.id(), guest.market(), language, true));
        }
        var target = new StoredCart(member, guest.market());
        var lines = jdbc.sql("SELECT sku, quantity FROM cart_line WHERE cart_id = ? ORDER BY added_at, sku")
                .param(guest.id()).query((rs, row) -> java.util.Map.entry(rs.getString(1), rs.getInt(2))).list();
        for (var line : lines) {
            var offer = prices.offer(line.getKey(), guest.market(), language);
            if (offer.problem() != null) {
                continue;
            }
            int inCart = jdbc.sql("SELECT quantity FROM cart_line WHERE cart_id = ? AND sku = ?")
                    .params(member, offer.sku()).query(Integer.class).optional().orElse(0);
            long wanted = Math.min((long) inCart + line.getValue(),
                    Math.min(offer.maxPerOrder(), stock.available(offer.sku())));
            if (wanted <= inCart) {
                continue;
            }
            if (inCart == 0 && jdbc.sql("SELECT COUNT(*) FROM cart_line WHERE cart_id = ?").param(member)
                    .query(Integer.class).single() >= MAX_LINES) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO cart_line (cart_id, sku, quantity, added_at) VALUES (:cart, :sku, :quantity, :now)
                    ON DUPLICATE KEY UPDATE quantity = :quantity""")
                    .param("cart", member).param("sku", offer.sku()).param("quantity", (int) wanted)
                    .param("now", Timestamp.from(clock.instant())).update();
        }
        jdbc.sql("DELETE FROM cart_line WHERE cart_id = ?").param(guest.id()).update();
        jdbc.sql("DELETE FROM cart WHERE id = ?").param(guest.id()).update();
        touch(target);
        return Optional.of(view(member, guest.market(), language, true));
    }

    @Override
    public void clear(CartKey key) {
        locate(key, true).ifPresent(cart -> {
            jdbc.sql("DELETE FROM cart_line WHERE cart_id = ?").param(cart.id()).update();
            touch(cart);
        });
    }

    private CartView put(StoredCart cart, CatalogPrices.Offer offer, long quantity, boolean newLine,
            String language) {
        if (quantity > offer.maxPerOrder()) {
            throw new InvalidCartLineException(offer.sku(), InvalidCartLineException.MAX_PER_ORDER,
                    offer.maxPerOrder());
        }
        int available = stock.available(offer.sku());
        if (quantity > available) {
            throw new InvalidCartLineException(offer.sku(), InvalidCartLineException.INSUFFICIENT_STOCK, available);
        }
        if (newLine && jdbc.sql("SELECT COUNT(*) FROM cart_line WHERE cart_id = ?").param(cart.id())
                .query(Integer.class).single() >= MAX_LINES) {
            throw new InvalidCartLineException(offer.sku(), InvalidCartLineException.TOO_MANY_LINES, MAX_LINES);
        }
        jdbc.sql("""
                INSERT INTO cart_line (cart_id, sku, quantity, added_at) VALUES (:cart, :sku, :quantity, :now)
                ON DUPLICATE KEY UPDATE quantity = :quantity""")
                .param("cart", cart.id()).param("sku", offer.sku()).param("quantity", (int) quantity)
                .param("now", Timestamp.from(clock.instant())).update();
        touch(cart);
        return view(cart.id(), cart.market(), language, false);
    }

    /** The offer of a line being added or changed, from this node's copy (see {@link CatalogPrices#current}). */
    private CatalogPrices.Offer orderable(String sku, String market, String language) {
        var offer = prices.current(java.util.List.of(sku), market, language).get(sku);
        if (offer.problem() != null) {
            throw new InvalidCartLineException(offer.sku(), offer.problem(), 0);
        }
        return offer;
    }

    /**
     * The cart priced now: from the catalog ({@code fresh}: reads, and so quotes and orders), or, answering a change
     * of a line, from this node's copy of the offers, which follows the catalog's changes as its pages do.
     */
    private CartView view(byte[] id, String market, String language, boolean fresh) {
        var currency = markets.find(market).orElseThrow().currency();
        var rows = jdbc.sql("SELECT sku, quantity FROM cart_line WHERE cart_id = ? ORDER BY added_at, sku")
                .param(id).query((rs, row) -> java.util.Map.entry(rs.getString(1), rs.getInt(2))).list();
        var lines = new ArrayList<CartView.Line>();
        var subtotal = Money.zero(currency);
        boolean orderable = !rows.isEmpty();
        // Every line priced and checked now, in a few queries for the whole cart (not a product load per line).
        var skus = rows.stream().map(java.util.Map.Entry::getKey).toList();
        var offers = fresh ? prices.offers(skus, market, language) : prices.current(skus, market, language);
        var units = stock.available(skus);
        for (var row : rows) {
            var offer = offers.get(row.getKey());
            var problem = offer.problem();
            if (problem == null && row.getValue() > offer.maxPerOrder()) {
                problem = InvalidCartLineException.MAX_PER_ORDER;
            }
            if (problem == null && row.getValue() > units.get(row.getKey())) {
                problem = InvalidCartLineException.INSUFFICIENT_STOCK;
            }
            var unit = offer.price().orElse(Money.zero(currency));
            var total = unit.times(row.getValue()).rounded();
            if (problem == null) {
                subtotal = subtotal.plus(total);
            } else {
                orderable = false;
            }
            lines.add(new CartView.Line(row.getKey(), offer.name(), unit, row.getValue(), total,
                    offer.maxPerOrder(), problem));
        }
        return new CartView(market, lines, subtotal.rounded(), orderable);
    }

    private StoredCart open(CartKey key) {
        return locate(key, true).orElseThrow(UnknownCartException::new);
    }

    private Optional<StoredCart> locate(CartKey key, boolean lock) {
        var suffix = lock ? " FOR UPDATE" : "";
        if (key.memberSubject() != null && !key.memberSubject().isBlank()) {
            return jdbc.sql("SELECT id, market FROM cart WHERE member_subject = ? ORDER BY updated_at DESC LIMIT 1"
                    + suffix).param(key.memberSubject())
                    .query((rs, row) -> new StoredCart(rs.getBytes(1), rs.getString(2))).optional();
        }
        if (key.token() == null || key.token().isBlank() || key.token().length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, market FROM cart WHERE token_hash = ?" + suffix)
                .param(BearerTokens.hash(key.token()))
                .query((rs, row) -> new StoredCart(rs.getBytes(1), rs.getString(2))).optional();
    }

    private void touch(StoredCart cart) {
        jdbc.sql("UPDATE cart SET updated_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), cart.id())
                .update();
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    private record StoredCart(byte[] id, String market) {
    }
}
