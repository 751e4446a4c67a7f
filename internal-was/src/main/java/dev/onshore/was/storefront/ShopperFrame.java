package dev.onshore.was.storefront;

import dev.onshore.was.cart.CartKey;
import dev.onshore.was.cart.CartView;
import dev.onshore.was.cart.Carts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What a page shows about the shopper in its header (who is logged in, how many items are in the cart), and the
 * cart of a request. Pages for a shopper with a cart or a login are theirs alone: never shared from the page cache,
 * never stored by a browser or proxy. Anonymous pages are the same for everyone: revalidated on every visit but
 * storable, so that a browser's back/forward cache may keep them ({@code no-store} would bar it).
 */
@Component
class ShopperFrame implements HandlerInterceptor {

    /** The {@code Cache-Control} of an anonymous page (and of its copy in the page cache). */
    static final String SHAREABLE = CacheControl.noCache().getHeaderValue();

    private final Carts carts;
    private final ShopCookies cookies;

    ShopperFrame(Carts carts, ShopCookies cookies) {
        this.carts = carts;
        this.cookies = cookies;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final ShopperFrame frame;

        Registration(ShopperFrame frame) {
            this.frame = frame;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(frame).excludePathPatterns("/api/**", "/actuator/**", "/css/**", "/img/**");
        }
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView model) {
        if (model == null || !(model.getModel().get("page") instanceof StorefrontLocale page)) {
            return;
        }
        var shopper = Shopper.current().orElse(null);
        if (shopper == null && !ShopCookies.hasShopperCookie(request)) {
            if (!response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, SHAREABLE); // an anonymous page: shareable
            }
            return;
        }
        markPrivate(request, response);
        var view = model.getViewName();
        if (view == null || !view.startsWith("redirect:")) {
            resolveCsrfToken(request);
        }
        model.addObject("shopper", shopper);
        if (!model.getModel().containsKey("cartCount")) {
            model.addObject("cartCount", cart(request, page).map(ShopperFrame::count).orElse(0));
        }
    }

    static void markPrivate(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(RenderedPages.PRIVATE, Boolean.TRUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    }

    /**
     * A private page carries forms. Spring Security creates their CSRF token when the template first reads it, and
     * saves it then as a cookie; by that point a page with its inlined style sheet has outgrown the response buffer and
     * its headers are sent, so the cookie was lost: after a login (which replaces the token) the checkout's and the
     * account's forms were refused with 403. The token is resolved here, before rendering, while headers can change.
     */
    private static void resolveCsrfToken(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }

    /** Who asks for a cart in this market: the member, else the guest's signed cookie; empty for neither. */
    Optional<CartKey> key(HttpServletRequest request, StorefrontLocale page) {
        var shopper = Shopper.current();
        if (shopper.isPresent()) {
            return Optional.of(CartKey.member(shopper.get().subject()));
        }
        return cookies.cartToken(request, page.market()).map(CartKey::guest);
    }

    /** The cart of this request in the page's market; empty when there is none (or it is another market's). */
    Optional<CartView> cart(HttpServletRequest request, StorefrontLocale page) {
        return key(request, page).flatMap(key -> carts.find(key, page.language()))
                .filter(cart -> cart.market().equals(page.market()));
    }

    static int count(CartView cart) {
        return cart.lines().stream().mapToInt(CartView.Line::quantity).sum();
    }
}
