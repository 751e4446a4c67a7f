package dev.onshore.was.storefront;

import dev.onshore.i18n.address.Address;
import dev.onshore.i18n.address.AddressError;
import dev.onshore.i18n.address.AddressField;
import dev.onshore.i18n.address.AddressFormat;
import dev.onshore.was.accounts.AccountErasedException;
import dev.onshore.was.accounts.ShopperAccounts;
import dev.onshore.i18n.address.AddressFormats;
import dev.onshore.was.cart.InvalidCartLineException;
import dev.onshore.was.cart.UnknownCartException;
import dev.onshore.was.checkout.Checkout;
import dev.onshore.was.checkout.CheckoutRequest;
import dev.onshore.was.checkout.InvalidCheckoutException;
import dev.onshore.was.checkout.PaymentUnavailableException;
import dev.onshore.was.checkout.PlacedCheckout;
import dev.onshore.was.checkout.Quote;
import dev.onshore.was.checkout.RatesUnavailableException;
import dev.onshore.was.inventory.InsufficientStockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The checkout page: email, the destination country's address form (i18n's address formats), the shipping method,
 * then a review with the breakdown the market expects (tax included or added) and a place-order form carrying a
 * one-time token: a double submit places one order and sends both submits to the same payment page.
 */
@Controller
class CheckoutPages {

    static final List<String> SHIPPING_METHODS = List.of("standard", "express");
    private static final AddressFormats ADDRESSES = AddressFormats.defaults();

    /** An address field as the form shows it. */
    public record Field(String name, String messageKey, boolean required, String value, @Nullable String error) {
    }

    private final Checkout checkout;
    private final ShopperFrame frame;
    private final ShopCookies cookies;
    private final FormTokens tokens;
    private final PageFrame pages;
    private final StorefrontLocales locales;
    private final MessageSource messages;
    private final ShopperAccounts accounts;

    /** A saved address checkout offers: its id and one line to recognise it by. */
    public record SavedChoice(String id, String label, boolean selected) {
    }

    CheckoutPages(Checkout checkout, ShopperFrame frame, ShopCookies cookies, FormTokens tokens, PageFrame pages,
            StorefrontLocales locales, MessageSource messages, ShopperAccounts accounts) {
        this.accounts = accounts;
        this.checkout = checkout;
        this.frame = frame;
        this.cookies = cookies;
        this.tokens = tokens;
        this.pages = pages;
        this.locales = locales;
        this.messages = messages;
    }

    /**
     * The address form; a logged-in shopper's saved addresses in this market are offered, the preferred one (or the
     * one picked with {@code address}) filled in.
     */
    @GetMapping("/{locale}/checkout")
    ModelAndView form(@PathVariable String locale, @RequestParam(required = false) @Nullable String address,
            HttpServletRequest request, HttpServletResponse response) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        var cart = frame.cart(request, page).orElse(null);
        if (cart == null || cart.lines().isEmpty()) {
            return new ModelAndView("redirect:/" + page.path() + "/cart");
        }
        var shopper = Shopper.current().orElse(null);
        var form = new LinkedHashMap<String, String>(Map.of("email", shopper == null ? "" : shopper.email(),
                "shippingMethod", "standard"));
        if (shopper == null) {
            return view(page, form, null, List.of(), request, response);
        }
        var saved = accounts.addresses(shopper.subject()).stream()
                .filter(entry -> entry.address().country().equals(page.market())).toList();
        var picked = saved.stream().filter(entry -> entry.id().toString().equals(address)).findFirst()
                .or(() -> saved.stream().findFirst()).orElse(null);
        if (picked != null) {
            picked.address().fields().forEach((field, value) -> form.put(name(field), value));
        }
        var view = view(page, form, null, List.of(), request, response);
        view.addObject("savedAddresses", saved.stream().map(entry -> new SavedChoice(entry.id().toString(),
                label(entry.address()), entry == picked)).toList());
        return view;
    }

    /** Review: the quote for what was entered, or the form again with what is wrong. */
    @PostMapping("/{locale}/checkout")
    ModelAndView review(@PathVariable String locale, @RequestParam Map<String, String> form,
            HttpServletRequest request, HttpServletResponse response) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        var key = frame.key(request, page).orElse(null);
        try {
            if (key == null) {
                throw new UnknownCartException();
            }
            var quote = checkout.quote(key, request(page, form), page.language());
            var view = view(page, form, quote, List.of(), request, response);
            view.addObject("formToken", tokens.issue(FormTokens.Form.PLACE_ORDER));
            return view;
        } catch (RuntimeException e) {
            return refused(page, form, e, request, response);
        }
    }

    @PostMapping("/{locale}/checkout/place")
    ModelAndView place(@PathVariable String locale, @RequestParam Map<String, String> form,
            HttpServletRequest request, HttpServletResponse response) throws InterruptedException {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        ShopperFrame.markPrivate(request, response);
        var token = form.getOrDefault("formToken", "");
        var claim = tokens.claim(token, FormTokens.Form.PLACE_ORDER);
        for (int wait = 0; claim instanceof FormTokens.Running && wait < 50; wait++) {
            Thread.sleep(100); // the first submit is placing the order: answer with its outcome
            claim = tokens.claim(token, FormTokens.Form.PLACE_ORDER);
        }
        switch (claim) {
            // Another form's token (an account form's) is refused as a spent one would be; Used cannot be this form's.
            case FormTokens.Expired _, FormTokens.OtherForm _, FormTokens.Used _ -> {
                var view = view(page, form, null, List.of(), request, response);
                view.setStatus(HttpStatus.BAD_REQUEST);
                view.addObject("error", messages.getMessage("shop.checkout.form-expired", null, page.locale()));
                return view;
            }
            case FormTokens.Running running -> {
                var view = view(page, form, null, List.of(), request, response);
                view.setStatus(HttpStatus.CONFLICT);
                view.addObject("error", messages.getMessage("shop.checkout.in-progress", null, page.locale()));
                return view;
            }
            case FormTokens.Placed placed -> {
                if (placed.accessToken() != null) {
                    cookies.setOrderToken(response, placed.number(), placed.accessToken());
                }
                return new ModelAndView("redirect:" + placed.paymentUrl());
            }
            case FormTokens.Resume resume -> {
                // The submit that placed this order died before answering: this one answers for it.
                try {
                    return placed(token, checkout.resume(resume.number(), resume.accessToken(),
                            resume.customerName()), response);
                } catch (RuntimeException e) {
                    tokens.release(token, resume.hold());
                    return refused(page, form, e, request, response);
                }
            }
            case FormTokens.Claimed claimed -> {
                var key = frame.key(request, page).orElse(null);
                try {
                    if (key == null) {
                        throw new UnknownCartException();
                    }
                    var checkoutRequest = request(page, form);
                    // Recorded in the order's transaction: a submit after this node's death finishes this order.
                    return placed(token, checkout.placeOrder(key, checkoutRequest, page.language(),
                            order -> tokens.record(token, claimed.hold(), order.number(), order.accessToken(),
                                    Objects.requireNonNullElse(checkoutRequest.address().get(AddressField.RECIPIENT),
                                            ""))), response);
                } catch (RuntimeException e) {
                    tokens.release(token, claimed.hold());
                    return refused(page, form, e, request, response);
                }
            }
        }
    }

    private ModelAndView placed(String token, PlacedCheckout placed, HttpServletResponse response) {
        tokens.complete(token, placed.order().number(), placed.paymentUrl().toString(), placed.accessToken());
        cookies.setOrderToken(response, placed.order().number(), placed.accessToken());
        return new ModelAndView("redirect:" + placed.paymentUrl());
    }

    private ModelAndView refused(StorefrontLocale page, Map<String, String> form, RuntimeException e,
            HttpServletRequest request, HttpServletResponse response) {
        var locale = page.locale();
        List<AddressError> errors = List.of();
        HttpStatus status;
        String message;
        switch (e) {
            case InvalidCheckoutException invalid -> {
                errors = invalid.addressErrors();
                status = invalid.code().equals("cart-not-orderable") || invalid.code().equals("empty-cart")
                        ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
                message = messages.getMessage("problem.checkout." + invalid.code() + ".detail", null, locale);
            }
            case InsufficientStockException stock -> {
                status = HttpStatus.CONFLICT;
                message = messages.getMessage("problem.insufficient-stock.detail", new Object[] {stock.sku()}, locale);
            }
            case InvalidCartLineException line -> {
                status = HttpStatus.CONFLICT;
                message = messages.getMessage("problem.cart-line." + line.code() + ".detail",
                        new Object[] {line.sku(), line.limit()}, locale);
            }
            case UnknownCartException unknown -> {
                status = HttpStatus.NOT_FOUND;
                message = messages.getMessage("problem.unknown-cart.detail", null, locale);
            }
            case PaymentUnavailableException unavailable -> {
                status = HttpStatus.SERVICE_UNAVAILABLE;
                message = messages.getMessage("problem.payment-unavailable.detail", null, locale);
            }
            case RatesUnavailableException unavailable -> {
                status = HttpStatus.SERVICE_UNAVAILABLE;
                message = messages.getMessage("problem.rates-unavailable.detail", null, locale);
            }
            case AccountErasedException erased -> {
                status = HttpStatus.GONE;
                message = messages.getMessage("problem.account.erased.detail", null, locale);
            }
            default -> throw e;
        }
        var view = view(page, form, null, errors, request, response);
        view.setStatus(status);
        view.addObject("error", message);
        return view;
    }

    private ModelAndView view(StorefrontLocale page, Map<String, String> form, @Nullable Quote quote,
            List<AddressError> errors, HttpServletRequest request, HttpServletResponse response) {
        ShopperFrame.markPrivate(request, response);
        var view = pages.page("storefront/checkout", page, "checkout");
        view.addObject("noindex", true);
        var format = ADDRESSES.forCountry(page.market()).orElseThrow();
        var locale = page.locale();
        view.addObject("fields", format.fields().stream().filter(field -> field != AddressField.COUNTRY)
                .map(field -> new Field(name(field), "address.field." + name(field), format.isRequired(field),
                        value(form, name(field)), errors.stream().filter(error -> error.field() == field).findFirst()
                                .map(error -> messages.getMessage(error.messageKey(), null, locale)).orElse(null)))
                .toList());
        view.addObject("postalCodeExample", format.postalCodeExample());
        view.addObject("email", value(form, "email"));
        view.addObject("shippingMethod", SHIPPING_METHODS.contains(value(form, "shippingMethod"))
                ? value(form, "shippingMethod") : "standard");
        view.addObject("shippingMethods", SHIPPING_METHODS);
        view.addObject("country", page.market());
        if (quote != null) {
            var lines = quote.lines().stream().map(line -> new CartPages.Line(line, line.unitPrice().format(locale),
                    line.total().format(locale), null)).toList();
            view.addObject("quote", quote);
            view.addObject("lines", lines);
            view.addObject("subtotal", quote.subtotal().format(locale));
            view.addObject("shipping", quote.shipping().format(locale));
            view.addObject("tax", quote.tax().format(locale));
            view.addObject("total", quote.total().format(locale));
        }
        return view;
    }

    private static CheckoutRequest request(StorefrontLocale page, Map<String, String> form) {
        Map<AddressField, String> fields = new EnumMap<>(AddressField.class);
        for (var field : AddressField.values()) {
            if (field != AddressField.COUNTRY) {
                var value = form.get(name(field));
                if (value != null) {
                    fields.put(field, value.length() > AddressFormat.MAX_LENGTH * 2
                            ? value.substring(0, AddressFormat.MAX_LENGTH * 2) : value);
                }
            }
        }
        // The country is the page's market: a cart ships only inside its market.
        return new CheckoutRequest(new Address(page.market(), fields), value(form, "shippingMethod"),
                value(form, "email"));
    }

    /** One line to recognise a saved address by: recipient, first line, city or postal code. */
    static String label(Address address) {
        var parts = new java.util.ArrayList<String>();
        for (var field : List.of(AddressField.RECIPIENT, AddressField.ADDRESS_LINE1, AddressField.CITY,
                AddressField.POSTAL_CODE)) {
            var value = address.get(field);
            if (value != null) {
                parts.add(value);
            }
        }
        return String.join(", ", parts);
    }

    static String name(AddressField field) {
        var parts = field.name().toLowerCase(java.util.Locale.ROOT).split("_");
        var name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return name.toString();
    }

    private static String value(Map<String, String> form, String name) {
        var value = form.get(name);
        return value == null ? "" : value.strip();
    }

    static Map<String, String> copy(Map<String, String> form) {
        return new LinkedHashMap<>(form);
    }
}
