package dev.onshore.was.storefront;

import dev.onshore.was.cart.CartKey;
import dev.onshore.was.cart.CartView;
import dev.onshore.was.cart.Carts;
import dev.onshore.was.cart.InvalidCartLineException;
import dev.onshore.was.cart.UnknownCartException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
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
 * The cart page and its forms: add (from a product page), change a quantity, remove. Every total on the page is
 * the catalog's price now, computed by the cart module; a form sends only SKUs and quantities. A refused change is
 * shown on the cart page in the shopper's language with a 4xx status, and nothing is changed.
 */
@Controller
class CartPages {

    /** A cart line as the page shows it. */
    public record Line(CartView.Line line, String unitPrice, String total, @Nullable String problem) {
    }

    private final Carts carts;
    private final ShopperFrame frame;
    private final ShopCookies cookies;
    private final PageFrame pages;
    private final StorefrontLocales locales;
    private final PublicUrls urls;
    private final MessageSource messages;

    CartPages(Carts carts, ShopperFrame frame, ShopCookies cookies, PageFrame pages, StorefrontLocales locales,
            PublicUrls urls, MessageSource messages) {
        this.carts = carts;
        this.frame = frame;
        this.cookies = cookies;
        this.pages = pages;
        this.locales = locales;
        this.urls = urls;
        this.messages = messages;
    }

    @GetMapping("/{locale}/cart")
    ModelAndView cart(@PathVariable String locale, @RequestParam(required = false) @Nullable String login,
            HttpServletRequest request, HttpServletResponse response) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        var view = view(page, frame.cart(request, page).orElse(null), request, response);
        if ("failed".equals(login)) {
            view.addObject("error", messages.getMessage("shop.login.failed", null, page.locale()));
        }
        return view;
    }

    @PostMapping("/{locale}/cart/add")
    ModelAndView add(@PathVariable String locale, @RequestParam(defaultValue = "") String sku,
            @RequestParam(required = false) @Nullable String quantity, HttpServletRequest request,
            HttpServletResponse response) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        if (!sameSite(request)) {
            var view = view(page, frame.cart(request, page).orElse(null), request, response);
            view.setStatus(HttpStatus.FORBIDDEN);
            view.addObject("error", messages.getMessage("shop.cart.foreign-form", null, page.locale()));
            return view;
        }
        return change(page, sku, quantity == null ? "1" : quantity, request, response, (key, units) -> carts.add(key, sku, units,
                page.language()));
    }

    @PostMapping("/{locale}/cart/update")
    ModelAndView update(@PathVariable String locale, @RequestParam(defaultValue = "") String sku,
            @RequestParam(required = false) @Nullable String quantity, HttpServletRequest request,
            HttpServletResponse response) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        return change(page, sku, quantity == null ? "" : quantity, request, response, (key, units) -> carts.update(key, sku, units,
                page.language()));
    }

    @PostMapping("/{locale}/cart/remove")
    ModelAndView remove(@PathVariable String locale, @RequestParam(defaultValue = "") String sku,
            HttpServletRequest request, HttpServletResponse response) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        return change(page, sku, "1", request, response, (key, units) -> carts.remove(key, sku, page.language()));
    }

    private interface Change {
        CartView apply(CartKey key, int quantity);
    }

    private ModelAndView change(StorefrontLocale page, String sku, String quantity, HttpServletRequest request,
            HttpServletResponse response, Change change) {
        ShopperFrame.markPrivate(request, response);
        var units = quantity(quantity);
        try {
            if (units == null) {
                throw new InvalidCartLineException(sku, InvalidCartLineException.QUANTITY, 0);
            }
            if (sku.isBlank() || sku.length() > 60) {
                throw new InvalidCartLineException(sku, InvalidCartLineException.UNKNOWN_SKU, 0);
            }
            var key = frame.key(request, page).orElse(null);
            if (key == null || frame.cart(request, page).isEmpty()) {
                key = open(page, request, response);
            }
            change.apply(key, units);
            return new ModelAndView("redirect:/" + page.path() + "/cart");
        } catch (InvalidCartLineException e) {
            var view = view(page, frame.cart(request, page).orElse(null), request, response);
            view.setStatus(switch (e.code()) {
                case InvalidCartLineException.UNKNOWN_SKU, InvalidCartLineException.NOT_IN_CART -> HttpStatus.NOT_FOUND;
                case InvalidCartLineException.QUANTITY, InvalidCartLineException.VARIANT_REQUIRED -> HttpStatus.BAD_REQUEST;
                default -> HttpStatus.CONFLICT;
            });
            view.addObject("error", messages.getMessage("problem.cart-line." + e.code() + ".detail",
                    new Object[] {e.sku(), e.limit()}, page.locale()));
            return view;
        } catch (UnknownCartException e) {
            var view = view(page, null, request, response);
            view.setStatus(HttpStatus.NOT_FOUND);
            view.addObject("error", messages.getMessage("problem.unknown-cart.detail", null, page.locale()));
            return view;
        }
    }

    /** A new cart in the page's market: the member's, or a guest's with its signed cookie. */
    private CartKey open(StorefrontLocale page, HttpServletRequest request, HttpServletResponse response) {
        var shopper = Shopper.current().orElse(null);
        var created = carts.create(page.market(), shopper == null ? null : shopper.subject(), page.language());
        if (shopper != null) {
            return CartKey.member(shopper.subject());
        }
        cookies.setCartToken(response, page.market(), created.token());
        return CartKey.guest(created.token());
    }

    /** Whole units from 1 to 9999; null for anything else (zero, negative, huge, not a number). */
    static @Nullable Integer quantity(String value) {
        var trimmed = value.strip();
        if (!trimmed.matches("[0-9]{1,4}")) {
            return trimmed.matches("-?[0-9]{1,9}") ? Integer.parseInt(trimmed) : null;
        }
        return Integer.parseInt(trimmed);
    }

    /**
     * A browser's form from one of our pages: the product pages come from the shared page cache, so this form
     * carries no per-shopper token; a cross-site form is told apart by the browser's own headers instead.
     */
    private boolean sameSite(HttpServletRequest request) {
        var site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            // The browser's own word, which no page can forge; it holds whichever host name the shopper typed.
            return site.equals("same-origin") || site.equals("none");
        }
        var origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        return locales.all().stream().anyMatch(locale -> urls.origin(locale.market()).equalsIgnoreCase(origin));
    }

    ModelAndView view(StorefrontLocale page, @Nullable CartView cart, HttpServletRequest request,
            HttpServletResponse response) {
        ShopperFrame.markPrivate(request, response);
        var view = pages.page("storefront/cart", page, "cart");
        view.addObject("noindex", true);
        var locale = page.locale();
        List<Line> lines = cart == null ? List.of() : cart.lines().stream().map(line -> new Line(line,
                line.unitPrice().format(locale), line.total().format(locale), line.problem() == null ? null
                        : messages.getMessage("problem.cart-line." + line.problem() + ".detail",
                                new Object[] {line.name(), line.problem().equals(InvalidCartLineException.MAX_PER_ORDER)
                                        ? line.maxPerOrder() : 0}, locale))).toList();
        view.addObject("lines", lines);
        view.addObject("subtotal", cart == null ? null : cart.subtotal().format(locale));
        view.addObject("orderable", cart != null && cart.orderable());
        view.addObject("cartCount", cart == null ? 0 : ShopperFrame.count(cart));
        return view;
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
