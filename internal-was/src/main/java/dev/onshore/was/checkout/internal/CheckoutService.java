package dev.onshore.was.checkout.internal;

import dev.onshore.i18n.address.AddressField;
import dev.onshore.i18n.address.AddressFormats;
import dev.onshore.i18n.market.Markets;
import dev.onshore.i18n.market.TaxDisplay;
import dev.onshore.i18n.money.Money;
import dev.onshore.i18n.rates.ExchangeRates;
import dev.onshore.i18n.rates.MissingRateException;
import dev.onshore.i18n.rates.StaleRateException;
import dev.onshore.was.cart.CartKey;
import dev.onshore.was.cart.CartView;
import dev.onshore.was.cart.Carts;
import dev.onshore.was.cart.InvalidCartLineException;
import dev.onshore.was.cart.UnknownCartException;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.checkout.Checkout;
import dev.onshore.was.checkout.CheckoutRequest;
import dev.onshore.was.checkout.CouponRefusedException;
import dev.onshore.was.checkout.InvalidCheckoutException;
import dev.onshore.was.checkout.PaymentUnavailableException;
import dev.onshore.was.checkout.PlacedCheckout;
import dev.onshore.was.checkout.Quote;
import dev.onshore.was.checkout.RatesUnavailableException;
import dev.onshore.was.hotdeals.HotDealPurchases;
import dev.onshore.was.inventory.InsufficientStockException;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.orders.NewOrder;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderStatus;
import dev.onshore.was.orders.PlacedOrder;
import dev.onshore.was.orders.UnknownOrderException;
import dev.onshore.was.payments.PaymentProviderException;
import dev.onshore.was.payments.PaymentRequest;
import dev.onshore.was.payments.Payments;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The checkout sequence: price the cart from the catalog, add shipping and tax, then in one transaction place the
 * order and reserve its stock (a shortage rolls both back), and after it commits start the payment outside any
 * transaction (a slow gateway must hold no row lock).
 */
@Service
class CheckoutService implements Checkout, dev.onshore.was.checkout.MarketCharges {

    private final Markets markets;

    private static final AddressFormats ADDRESSES = AddressFormats.defaults();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final Carts carts;
    private final Stock stock;
    private final OrderManagement orders;
    private final Payments payments;
    private final ExchangeRates rates;
    private final CheckoutProperties properties;
    private final TransactionTemplate transactions;
    private final IssuedCoupons coupons;
    private final MessageSource messages;
    private final HotDealPurchases hotDeals;
    private final ProductCatalog catalog;
    private final Clock clock;
    private final dev.onshore.was.accounts.CustomerStanding standing;
    /** {@code onshore_checkout_failures_total{reason}}, one counter per reason, looked up, not built, per failure. */
    private final io.micrometer.core.instrument.Meter.MeterProvider<Counter> failures;

    CheckoutService(Markets markets, Carts carts, Stock stock, OrderManagement orders, Payments payments,
            ExchangeRates rates, CheckoutProperties properties, TransactionTemplate transactions,
            IssuedCoupons coupons, MessageSource messages, HotDealPurchases hotDeals, ProductCatalog catalog,
            Clock clock, MeterRegistry meters, dev.onshore.was.accounts.CustomerStanding standing) {
        this.standing = standing;
        this.failures = Counter.builder("onshore.checkout.failures")
                .description("Order placements refused or failed, by reason").withRegistry(meters);
        this.hotDeals = hotDeals;
        this.catalog = catalog;
        this.coupons = coupons;
        this.messages = messages;
        this.clock = clock;
        this.markets = markets;
        this.carts = carts;
        this.stock = stock;
        this.orders = orders;
        this.payments = payments;
        this.rates = rates;
        this.properties = properties;
        this.transactions = transactions;
    }

    @Override
    public Quote quote(CartKey key, CheckoutRequest request, String language) {
        return quote(key, request, language, customer(key.memberSubject(), request));
    }

    /**
     * @param customer who redeems a coupon (null: not known yet, a guest who gave no email: the per-customer limit
     *     is checked when the order is placed)
     */
    private Quote quote(CartKey key, CheckoutRequest request, String language, @Nullable String customer) {
        var cart = carts.find(key, language).orElseThrow(UnknownCartException::new);
        if (cart.lines().isEmpty()) {
            throw new InvalidCheckoutException("empty-cart");
        }
        if (!cart.orderable()) {
            // Sold out since it was added: the same answer as a reservation that finds too few units.
            cart.lines().stream().filter(line -> InvalidCartLineException.INSUFFICIENT_STOCK.equals(line.problem()))
                    .findFirst().ifPresent(line -> {
                        throw new InsufficientStockException(line.sku(), line.quantity());
                    });
            throw new InvalidCheckoutException("cart-not-orderable");
        }
        return price(cart.market(), cart.lines(), cart.subtotal(), request, language, customer);
    }

    /**
     * Coupon, shipping and tax on top of lines already priced on the server, for an address in the market.
     *
     * @param customer who redeems a coupon (null: not known yet)
     */
    private Quote price(String marketCode, java.util.List<CartView.Line> lines, Money subtotal,
            CheckoutRequest request, String language, @Nullable String customer) {
        var errors = ADDRESSES.validate(request.address());
        if (!errors.isEmpty()) {
            throw new InvalidCheckoutException("invalid-address", errors);
        }
        if (!request.address().country().equals(marketCode)) {
            throw new InvalidCheckoutException("address-outside-market");
        }
        var market = markets.find(marketCode).orElseThrow();
        var method = request.shippingMethod() == null ? "" : request.shippingMethod().strip().toLowerCase(Locale.ROOT);
        var rate = properties.shipping().getOrDefault(marketCode, java.util.Map.of()).get(method);
        if (rate == null) {
            throw new InvalidCheckoutException("unknown-shipping-method");
        }
        var currency = market.currency();
                var code = couponCode(request);
        var discount = Money.zero(currency);
        if (code != null) {
            var coupon = coupons.find(code).orElseThrow(() -> new CouponRefusedException(code, "unknown"));
            discount = coupon.discountOn(subtotal, marketCode, clock.instant(), market.zone(),
                    customer == null ? 0 : coupons.usedBy(code, customer));
        }
        var merchandise = subtotal.minus(discount);
        var freeOver = rate.freeOver() == null ? null : Money.of(rate.freeOver(), currency);
        var units = new java.util.LinkedHashMap<String, Integer>();
        lines.forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        var charged = charges(marketCode, method, merchandise, units, null);
        return new Quote(marketCode, lines, subtotal, method, charged.shipping(), freeOver, charged.tax(),
                charged.taxIncluded(), charged.total(), code, discount, dutiesNote(marketCode, language));
    }

    @Override
    public Charges charges(String marketCode, String method, Money merchandise,
            java.util.Map<String, Integer> units, @Nullable Money shipping) {
        var market = markets.find(marketCode)
                .orElseThrow(() -> new IllegalArgumentException("not a market: " + marketCode));
        var currency = market.currency();
        if (shipping == null) {
            var rate = properties.shipping().getOrDefault(marketCode, java.util.Map.of()).get(method);
            if (rate == null) {
                throw new InvalidCheckoutException("unknown-shipping-method");
            }
            var freeOver = rate.freeOver() == null ? null : Money.of(rate.freeOver(), currency);
            var grams = units.entrySet().stream()
                    .mapToInt(unit -> properties.weights().gramsOf(unit.getKey()) * unit.getValue()).sum();
            shipping = freeOver != null && !merchandise.isLessThan(freeOver) ? Money.zero(currency)
                    : Money.of(rate.feeFor(grams), currency).rounded();
        }
        var taxRate = properties.taxRates().getOrDefault(marketCode, BigDecimal.ZERO);
        var taxed = merchandise.plus(shipping);
        if (market.taxDisplay() == TaxDisplay.INCLUSIVE) {
            // The prices include it: show the part of the total that is tax.
            var tax = Money.of(taxed.amount().multiply(taxRate).divide(BigDecimal.ONE.add(taxRate),
                    MathContext.DECIMAL64), currency).rounded();
            return new Charges(shipping, tax, true, taxed);
        }
        var tax = taxed.times(taxRate).rounded();
        return new Charges(shipping, tax, false, taxed.plus(tax));
    }

    @Override
    public PlacedCheckout placeOrder(CartKey key, CheckoutRequest request, String language,
            java.util.function.Consumer<PlacedOrder> inOrderTransaction) {
        try {
            return place(key, request, language, inOrderTransaction);
        } catch (RuntimeException e) {
            failures.withTag("reason", failureReason(e)).increment();
            throw e;
        }
    }

    /** A bounded reason for the failures metric: the refusal's code, else the kind of failure. */
    static String failureReason(RuntimeException e) {
        return switch (e) {
            case InvalidCheckoutException invalid -> invalid.code();
            case CouponRefusedException coupon -> "coupon-" + coupon.reason();
            case InsufficientStockException stock -> "insufficient-stock";
            case PaymentUnavailableException payment -> "payment-unavailable";
            case RatesUnavailableException rates -> "rates-unavailable";
            case UnknownCartException cart -> "unknown-cart";
            default -> "error";
        };
    }

    private PlacedCheckout place(CartKey key, CheckoutRequest request, String language,
            java.util.function.Consumer<PlacedOrder> inOrderTransaction) {
        var email = email(request);
        var customer = customer(key.memberSubject(), request);
        var quote = quote(key, request, language, customer);
        return place(quote, key.memberSubject(), customer, email, request, language, number -> carts.clear(key),
                inOrderTransaction);
    }

    @Override
    public PlacedCheckout placeHotDealOrder(UUID dealId, int quantity, @Nullable String memberSubject,
            CheckoutRequest request, String language, java.util.function.Consumer<PlacedOrder> inOrderTransaction) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        var email = email(request);
        var offer = hotDeals.offer(dealId);
        var marketCode = request.address().country();
        var market = markets.find(marketCode).orElse(null);
        var sku = Sku.parseOrNull(offer.sku());
        var product = market == null || sku == null ? null
                : catalog.findForShopper(sku, marketCode, language).orElse(null);
        if (market == null || product == null || !market.currency().getCurrencyCode().equals(offer.currency())) {
            // The deal is priced in one currency: it sells only where that currency is charged.
            throw new InvalidCheckoutException("hot-deal-outside-market");
        }
        var unitPrice = Money.of(offer.price(), market.currency());
        var line = new CartView.Line(offer.sku(), product.name(), unitPrice, quantity, unitPrice.times(quantity),
                quantity, null);
        var customer = customer(memberSubject, request);
        var quote = price(marketCode, java.util.List.of(line), unitPrice.times(quantity), request, language,
                customer);
        var dealCustomer = HotDealPurchases.customer(memberSubject, email);
        return place(quote, memberSubject, customer, email, request, language,
                number -> hotDeals.claim(dealId, dealCustomer, number, quantity), inOrderTransaction);
    }

    private static String email(CheckoutRequest request) {
        var email = request.email() == null ? "" : request.email().strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new InvalidCheckoutException("invalid-email");
        }
        return email;
    }

    /**
     * Places the quoted order, redeems its coupon, runs {@code alsoInTransaction} with its number and reserves its
     * stock in one transaction (any refusal rolls all back), then starts the payment.
     */
    private PlacedCheckout place(Quote quote, @Nullable String memberSubject, @Nullable String customer, String email,
            CheckoutRequest request, String language, java.util.function.Consumer<String> alsoInTransaction,
            java.util.function.Consumer<PlacedOrder> inOrderTransaction) {
        if (standing.refusesCheckout(memberSubject, email)) {
            throw new InvalidCheckoutException("customer-blocked");
        }
        var total = quote.total();
        var now = clock.instant();
        var payBy = now.plus(properties.paymentWindow());
        var toBase = baseSnapshot(total);
        var lines = quote.lines().stream().map(line -> new NewOrder.Line(line.sku(), line.name(), line.unitPrice(),
                line.quantity())).toList();
        var quantities = quote.lines().stream().collect(Collectors.toMap(line -> line.sku(), line -> line.quantity(),
                Integer::sum, LinkedHashMap::new));
        var order = new NewOrder(quote.market(), language, memberSubject, email, shipTo(request),
                quote.shippingMethod(), lines, quote.subtotal(), quote.shipping(), quote.tax(), quote.taxIncluded(),
                total, toBase.baseTotal(), toBase.rate(), toBase.asOf(), payBy,
                request.timeZone() != null ? request.timeZone() : markets.find(quote.market()).orElseThrow().zone(),
                quote.discount(), quote.coupon());
        PlacedOrder placed = transactions.execute(status -> {
            if (memberSubject != null) {
                // Refuses an erased account, and holds it against an erasure until this order commits.
                standing.holdForOrder(memberSubject);
            }
            var created = orders.place(order);
            if (quote.coupon() != null) {
                redeem(quote.coupon(), Objects.requireNonNull(customer), created.number(), now);
            }
            alsoInTransaction.accept(created.number());
            stock.reserve(created.number(), quantities, payBy.plus(properties.reservationGrace()));
            inOrderTransaction.accept(created);
            return created;
        });
        return startPayment(placed.number(), total, email, request.address().get(AddressField.RECIPIENT), language,
                placed.accessToken());
    }

    @Override
    public PlacedCheckout resume(String orderNumber, String accessToken, String customerName) {
        var order = orders.find(orderNumber).orElseThrow(() -> new UnknownOrderException(orderNumber));
        if (order.status() != OrderStatus.PLACED) {
            return new PlacedCheckout(order, accessToken, properties.returnUrl(orderNumber));
        }
        var recipient = orders.recipient(orderNumber).orElseThrow(() -> new UnknownOrderException(orderNumber));
        return startPayment(orderNumber, order.total(), recipient.email(), customerName, recipient.language(),
                accessToken);
    }

    /** Opens the placed order's payment (the open session when there is one) outside any transaction. */
    private PlacedCheckout startPayment(String number, Money total, String email, String customerName,
            String language, String accessToken) {
        try {
            var session = payments.start(new PaymentRequest(number, total, email, customerName,
                    Locale.forLanguageTag(language), properties.returnUrl(number)));
            orders.paymentStarted(number, session.provider(), session.providerReference());
            return new PlacedCheckout(orders.find(number).orElseThrow(), accessToken, session.redirectUrl());
        } catch (PaymentProviderException e) {
            orders.cancel(number, "payment-unavailable");
            throw new PaymentUnavailableException("the payment could not be started", e);
        }
    }

    /**
     * Takes the customer's next use of the coupon in the order's transaction: a parallel checkout of the same
     * customer that took it first makes this one fail (and roll back) as over the limit.
     */
    private void redeem(String code, String customer, String orderNumber, Instant now) {
        var used = coupons.usedBy(code, customer);
        var coupon = coupons.find(code).orElseThrow(() -> new CouponRefusedException(code, "unknown"));
        if (used >= coupon.perCustomerLimit() || !coupons.redeem(code, customer, used, orderNumber, now)) {
            throw new CouponRefusedException(code, "limit-reached");
        }
    }

    private static @Nullable String couponCode(CheckoutRequest request) {
        var code = request.coupon();
        if (code == null || code.isBlank()) {
            return null;
        }
        var normalized = code.strip().toUpperCase(Locale.ROOT);
        if (normalized.length() > 40) {
            throw new CouponRefusedException(normalized.substring(0, 40), "unknown");
        }
        return normalized;
    }

    /** Whose coupon use it is: the member, else the guest's email (null when the guest gave none yet). */
    private static @Nullable String customer(@Nullable String memberSubject, CheckoutRequest request) {
        String who;
        if (memberSubject != null) {
            who = "member:" + memberSubject;
        } else if (request.email() != null && !request.email().isBlank()) {
            who = "email:" + request.email().strip().toLowerCase(Locale.ROOT);
        } else {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(who.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private @Nullable String dutiesNote(String market, String language) {
        var note = properties.duties().get(market);
        if (note == null || note.isBlank()) {
            return null;
        }
        return messages.getMessage("checkout.duties." + note, null, note, Locale.forLanguageTag(language));
    }

    private BaseAmount baseSnapshot(Money total) {
        try {
            var snapshot = rates.snapshot(total.currency(), rates.settings().base(), BigDecimal.ZERO);
            var base = Money.of(total.amount().multiply(snapshot.rate(), MathContext.DECIMAL128),
                    rates.settings().base()).rounded();
            return new BaseAmount(base, snapshot.rate(), snapshot.asOf());
        } catch (StaleRateException | MissingRateException e) {
            throw new RatesUnavailableException(e.getMessage(), e);
        }
    }

    private static String shipTo(CheckoutRequest request) {
        var address = request.address();
        var format = ADDRESSES.forCountry(address.country()).orElseThrow();
        return format.fields().stream().map(address::get).filter(java.util.Objects::nonNull)
                .collect(Collectors.joining("\n")) + "\n" + address.country();
    }

    private record BaseAmount(Money baseTotal, BigDecimal rate, Instant asOf) {
    }
}
