package dev.onshore.was.storefront;

import dev.onshore.i18n.time.ViewerTime;
import dev.onshore.was.orders.IllegalOrderTransitionException;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderStatus;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.UnknownOrderException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
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
 * An order's page (confirmation, status, timeline, cancel before shipping, return request) and the shopper's login
 * and sign-up links (the account page is {@link AccountPages}). A guest sees an order with the access token its checkout left
 * in a cookie; a member sees theirs; anyone else is told there is no such order.
 */
@Controller
class OrderPages {

    /** An order line as the page shows it. */
    public record Line(String sku, String name, int quantity, String unitPrice, String total) {
    }

    /** A step of the timeline. */
    public record Step(String status, String at) {
    }

    /** An order in the history. */
    public record Summary(String number, String placedAt, OrderStatus status, String total) {
    }

    private final OrderManagement orders;
    private final ShopCookies cookies;
    private final PageFrame pages;
    private final StorefrontLocales locales;
    private final MessageSource messages;

    OrderPages(OrderManagement orders, ShopCookies cookies, PageFrame pages, StorefrontLocales locales,
            MessageSource messages) {
        this.orders = orders;
        this.cookies = cookies;
        this.pages = pages;
        this.locales = locales;
        this.messages = messages;
    }

    /** Where payment pages send the shopper back: the order's page in its language and market. */
    @GetMapping("/orders/{number}")
    ModelAndView back(@PathVariable String number, @RequestParam(required = false) @Nullable String sandbox,
            HttpServletRequest request) {
        var order = find(number, request).orElse(null);
        var page = order == null ? locales.siteDefault() : locales.all().stream()
                .filter(l -> l.market().equals(order.market())).findFirst().orElse(locales.siteDefault());
        var query = "paid".equals(sandbox) || "failed".equals(sandbox) ? "?payment=" + sandbox : "";
        return new ModelAndView("redirect:/" + page.path() + "/orders/" + (number.matches("[A-Z0-9-]{1,40}")
                ? number : "unknown") + query);
    }

    @GetMapping("/{locale}/orders/{number}")
    ModelAndView order(@PathVariable String locale, @PathVariable String number,
            @RequestParam(required = false) @Nullable String payment, @RequestParam(required = false) @Nullable String done,
            HttpServletRequest request, HttpServletResponse response) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        ShopperFrame.markPrivate(request, response);
        var order = find(number, request).orElse(null);
        if (order == null) {
            return pages.notFound(page);
        }
        var view = view(page, order);
        if ("paid".equals(payment) && order.status() == OrderStatus.PLACED) {
            view.addObject("notice", messages.getMessage("shop.order.payment-confirming", null, page.locale()));
        } else if ("failed".equals(payment)) {
            view.addObject("notice", messages.getMessage("shop.order.payment-failed", null, page.locale()));
        } else if ("cancelled".equals(done) || "return".equals(done)) {
            view.addObject("notice", messages.getMessage("shop.order.done." + done, null, page.locale()));
        }
        return view;
    }

    @PostMapping("/{locale}/orders/{number}/cancel")
    ModelAndView cancel(@PathVariable String locale, @PathVariable String number, HttpServletRequest request,
            HttpServletResponse response) {
        return act(locale, number, "cancelled", request, response, () -> orders.cancel(number, "shopper"));
    }

    @PostMapping("/{locale}/orders/{number}/return")
    ModelAndView requestReturn(@PathVariable String locale, @PathVariable String number,
            HttpServletRequest request, HttpServletResponse response) {
        return act(locale, number, "return", request, response, () -> orders.requestReturn(number));
    }

    @GetMapping("/{locale}/login")
    ModelAndView login(@PathVariable String locale, @RequestParam(required = false) @Nullable String next) {
        return startLogin(locale, next, false);
    }

    @GetMapping("/{locale}/signup")
    ModelAndView signup(@PathVariable String locale, @RequestParam(required = false) @Nullable String next) {
        return startLogin(locale, next, true);
    }

    private ModelAndView startLogin(String locale, @Nullable String next, boolean signup) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        var target = ShopperLogin.next(next == null ? "/" + page.path() + "/account" : next, locales);
        var url = org.springframework.web.util.UriComponentsBuilder.fromPath("/oauth2/authorization/"
                + ShopperLogin.REGISTRATION).queryParam("next", target).queryParam("lang", page.language());
        if (signup) {
            url.queryParam("signup", "1");
        }
        return new ModelAndView("redirect:" + url.build().encode().toUriString());
    }

    private interface Action {
        OrderView run();
    }

    private ModelAndView act(String locale, String number, String done, HttpServletRequest request,
            HttpServletResponse response, Action action) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        ShopperFrame.markPrivate(request, response);
        var order = find(number, request).orElse(null);
        if (order == null) {
            return pages.notFound(page);
        }
        try {
            action.run();
            return new ModelAndView("redirect:/" + page.path() + "/orders/" + number + "?done=" + done);
        } catch (IllegalOrderTransitionException e) {
            var view = view(page, orders.find(number).orElse(order));
            view.setStatus(HttpStatus.CONFLICT);
            view.addObject("error", messages.getMessage("shop.order.not-possible." + done,
                    new Object[] {number, status(e.from(), page)}, page.locale()));
            return view;
        } catch (UnknownOrderException e) {
            return pages.notFound(page);
        }
    }

    private Optional<OrderView> find(String number, HttpServletRequest request) {
        if (!number.matches("[A-Z0-9-]{1,40}")) {
            return Optional.empty();
        }
        var member = Shopper.current().map(Shopper::subject).orElse(null);
        return orders.findForShopper(number, member, cookies.orderToken(request, number).orElse(null));
    }

    private ModelAndView view(StorefrontLocale page, OrderView order) {
        var view = pages.page("storefront/order", page, "orders/" + order.number());
        view.addObject("noindex", true);
        view.addObject("alternates", null);
        var locale = page.locale();
        var zone = page.settings().zone();
        view.addObject("order", order);
        view.addObject("statusLabel", status(order.status().name(), page));
        view.addObject("placedAt", ViewerTime.dateTime(order.placedAt(), zone, locale));
        view.addObject("lines", order.lines().stream().map(line -> new Line(line.sku(), line.name(), line.quantity(),
                line.unitPrice().format(locale), line.unitPrice().times(line.quantity()).rounded().format(locale)))
                .toList());
        view.addObject("subtotal", order.subtotal().format(locale));
        view.addObject("shipping", order.shipping().format(locale));
        view.addObject("tax", order.tax().format(locale));
        view.addObject("total", order.total().format(locale));
        view.addObject("refunded", order.refunded().isZero() ? null : order.refunded().format(locale));
        view.addObject("timeline", order.history().stream().map(step -> new Step(status(step.status(), page),
                ViewerTime.dateTime(step.at(), zone, locale))).toList());
        view.addObject("cancellable", List.of(OrderStatus.PLACED, OrderStatus.PAID, OrderStatus.PREPARING)
                .contains(order.status()));
        view.addObject("returnable", order.status() == OrderStatus.DELIVERED && order.returnStatus() == null);
        view.addObject("returnLabel", order.returnStatus() == null ? null
                : messages.getMessage("shop.return." + order.returnStatus().name(), null, locale));
        return view;
    }

    private String status(String status, StorefrontLocale page) {
        var colon = status.indexOf(':'); // CANCELLED:shopper, REFUNDED:<provider id>
        var name = colon < 0 ? status : status.substring(0, colon);
        return messages.getMessage("shop.status." + name, null, name, page.locale());
    }
}
