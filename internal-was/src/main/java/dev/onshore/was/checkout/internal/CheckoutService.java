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
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.cart.InvalidCartLineException;
import dev.onshore.was.cart.UnknownCartException;
import dev.onshore.was.checkout.Checkout;
import dev.onshore.was.checkout.CheckoutRequest;
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
import dev.onshore.was.orders.PlacedOrder;
import dev.onshore.was.payments.PaymentProviderException;
import dev.onshore.was.payments.PaymentRequest;
import dev.onshore.was.payments.Payments;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The checkout sequence: price the cart from the catalog, add shipping and tax, then in one transaction place the
 * order and reserve its stock (a shortage rolls both back), and after it commits start the payment outside any
 * transaction (a slow gateway must hold no row lock).
 */
@Service
class CheckoutService implements Checkout {

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
    private final HotDealPurchases hotDeals;
    private final ProductCatalog catalog;
    private final Clock clock;

    CheckoutService(Markets markets, Carts carts, Stock stock, OrderManagement orders, Payments payments,
            ExchangeRates rates, CheckoutProperties properties, TransactionTemplate transactions,
            HotDealPurchases hotDeals, ProductCatalog catalog, Clock clock) {
        this.hotDeals = hotDeals;
        this.catalog = catalog;
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
        return price(cart.market(), cart.lines(), cart.subtotal(), request);
    }

    /** Shipping and tax on top of lines already priced on the server, for an address in the market. */
    private Quote price(String marketCode, java.util.List<CartView.Line> lines, Money subtotal,
            CheckoutRequest request) {
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
        var freeOver = rate.freeOver() == null ? null : Money.of(rate.freeOver(), currency);
        var shipping = freeOver != null && !subtotal.isLessThan(freeOver) ? Money.zero(currency)
                : Money.of(rate.fee(), currency).rounded();
        var taxRate = properties.taxRates().getOrDefault(marketCode, BigDecimal.ZERO);
        var taxed = subtotal.plus(shipping);
        Money tax;
        Money total;
        if (market.taxDisplay() == TaxDisplay.INCLUSIVE) {
            // The prices include it: show the part of the total that is tax.
            tax = Money.of(taxed.amount().multiply(taxRate).divide(BigDecimal.ONE.add(taxRate), MathContext.DECIMAL64),
                    currency).rounded();
            total = taxed;
        } else {
            tax = taxed.times(taxRate).rounded();
            total = taxed.plus(tax);
        }
        return new Quote(marketCode, lines, subtotal, method, shipping, freeOver, tax,
                market.taxDisplay() == TaxDisplay.INCLUSIVE, total);
    }

    @Override
    public PlacedCheckout placeOrder(CartKey key, CheckoutRequest request, String language) {
        var email = email(request);
        var quote = quote(key, request, language);
        return place(quote, key.memberSubject(), email, request, language, number -> carts.clear(key));
    }

    @Override
    public PlacedCheckout placeHotDealOrder(UUID dealId, int quantity, @Nullable String memberSubject,
            CheckoutRequest request, String language) {
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
        var quote = price(marketCode, java.util.List.of(line), unitPrice.times(quantity), request);
        var customer = HotDealPurchases.customer(memberSubject, email);
        return place(quote, memberSubject, email, request, language,
                number -> hotDeals.claim(dealId, customer, number, quantity));
    }

    private static String email(CheckoutRequest request) {
        var email = request.email() == null ? "" : request.email().strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new InvalidCheckoutException("invalid-email");
        }
        return email;
    }

    /**
     * Places the quoted order, runs {@code alsoInTransaction} with its number and reserves its stock in one
     * transaction (any refusal rolls all back), then starts the payment.
     */
    private PlacedCheckout place(Quote quote, @Nullable String memberSubject, String email, CheckoutRequest request,
            String language, java.util.function.Consumer<String> alsoInTransaction) {
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
                total, toBase.baseTotal(), toBase.rate(), toBase.asOf(), payBy);
        PlacedOrder placed = transactions.execute(status -> {
            var created = orders.place(order);
            alsoInTransaction.accept(created.number());
            stock.reserve(created.number(), quantities, payBy.plus(properties.reservationGrace()));
            return created;
        });
        try {
            var session = payments.start(new PaymentRequest(placed.number(), total, email,
                    request.address().get(AddressField.RECIPIENT), Locale.forLanguageTag(language),
                    properties.returnUrl(placed.number())));
            orders.paymentStarted(placed.number(), session.provider(), session.providerReference());
            return new PlacedCheckout(orders.find(placed.number()).orElseThrow(), placed.accessToken(),
                    session.redirectUrl());
        } catch (PaymentProviderException e) {
            orders.cancel(placed.number(), "payment-unavailable");
            throw new PaymentUnavailableException("the payment could not be started", e);
        }
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
