package dev.onshore.was.checkout.web;

import dev.onshore.i18n.market.Markets;
import dev.onshore.was.cart.Carts;
import dev.onshore.was.cart.UnknownCartException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/shop/v1/cart}: a guest creates a cart and gets its token (sent back in {@code Cart-Token}); a member
 * (bearer token) has theirs. Prices in answers are the catalog's now.
 */
@RestController
@RequestMapping(path = "/api/shop/v1/cart", produces = MediaType.APPLICATION_JSON_VALUE)
class CartApi {

    private final Markets markets;


    private final Carts carts;

    CartApi(Carts carts, Markets markets) {
        this.markets = markets;
        this.carts = carts;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShopJson.CreatedCartJson> create(@RequestBody ShopJson.NewCart body,
            @AuthenticationPrincipal @Nullable Jwt jwt, @RequestParam(required = false) @Nullable String lang,
            Locale locale) {
        var market = markets.find(body.market()).orElseThrow(() -> new InvalidRequestException("market"));
        var created = carts.create(market.country(), Shoppers.member(jwt), Shoppers.language(lang, locale));
        return ResponseEntity.created(URI.create("/api/shop/v1/cart")).cacheControl(CacheControl.noStore())
                .body(new ShopJson.CreatedCartJson(created.token(), ShopJson.CartJson.of(created.cart())));
    }

    @GetMapping
    ResponseEntity<ShopJson.CartJson> get(@RequestHeader(name = Shoppers.CART_TOKEN, required = false)
            @Nullable String token, @AuthenticationPrincipal @Nullable Jwt jwt,
            @RequestParam(required = false) @Nullable String lang, Locale locale) {
        var cart = carts.find(Shoppers.cart(jwt, token), Shoppers.language(lang, locale))
                .orElseThrow(UnknownCartException::new);
        return ok(cart);
    }

    @PostMapping(path = "/lines", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShopJson.CartJson> add(@RequestBody ShopJson.NewLine body,
            @RequestHeader(name = Shoppers.CART_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt, @RequestParam(required = false) @Nullable String lang,
            Locale locale) {
        if (body.sku() == null) {
            throw new InvalidRequestException("sku");
        }
        return ok(carts.add(Shoppers.cart(jwt, token), body.sku(), ShopJson.quantity(body.quantity()),
                Shoppers.language(lang, locale)));
    }

    @PutMapping(path = "/lines/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShopJson.CartJson> update(@PathVariable String sku, @RequestBody ShopJson.Quantity body,
            @RequestHeader(name = Shoppers.CART_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt, @RequestParam(required = false) @Nullable String lang,
            Locale locale) {
        return ok(carts.update(Shoppers.cart(jwt, token), sku, ShopJson.quantity(body.quantity()),
                Shoppers.language(lang, locale)));
    }

    @DeleteMapping("/lines/{sku}")
    ResponseEntity<ShopJson.CartJson> remove(@PathVariable String sku,
            @RequestHeader(name = Shoppers.CART_TOKEN, required = false) @Nullable String token,
            @AuthenticationPrincipal @Nullable Jwt jwt, @RequestParam(required = false) @Nullable String lang,
            Locale locale) {
        return ok(carts.remove(Shoppers.cart(jwt, token), sku, Shoppers.language(lang, locale)));
    }

    private static ResponseEntity<ShopJson.CartJson> ok(dev.onshore.was.cart.CartView cart) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ShopJson.CartJson.of(cart));
    }
}
