package dev.onshore.was.accounts.web;

import dev.onshore.was.accounts.InvalidAccountInputException;
import dev.onshore.was.accounts.ProfileChange;
import dev.onshore.was.accounts.ShopperAccounts;
import dev.onshore.was.accounts.UnknownAddressException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/shop/v1/account}: the caller's own account, by the subject of their shoppers-realm token (the security
 * chain refuses a request without one, 401). An address id that is not the caller's is unknown (404), whether it
 * exists for someone else or not. Nothing is cacheable.
 */
@RestController
@RequestMapping(path = "/api/shop/v1/account", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountApi {

    private final ShopperAccounts accounts;

    AccountApi(ShopperAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    ResponseEntity<AccountJson.ProfileJson> profile(@AuthenticationPrincipal Jwt jwt) {
        return ok(AccountJson.ProfileJson.of(accounts.profile(jwt.getSubject()), jwt.getClaimAsString("email")));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountJson.ProfileJson> update(@AuthenticationPrincipal Jwt jwt,
            @RequestBody AccountJson.ProfileChangeJson body) {
        var profile = accounts.updateProfile(jwt.getSubject(), new ProfileChange(body.displayName(), body.phone(),
                body.market(), body.locale(), body.currency(), body.timeZone()));
        return ok(AccountJson.ProfileJson.of(profile, jwt.getClaimAsString("email")));
    }

    @GetMapping("/addresses")
    ResponseEntity<List<AccountJson.SavedAddressJson>> addresses(@AuthenticationPrincipal Jwt jwt) {
        return ok(accounts.addresses(jwt.getSubject()).stream().map(AccountJson.SavedAddressJson::of).toList());
    }

    @PostMapping(path = "/addresses", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountJson.SavedAddressJson> add(@AuthenticationPrincipal Jwt jwt,
            @RequestBody AccountJson.AddressJson body) {
        var saved = accounts.addAddress(jwt.getSubject(), body.toAddress(), Boolean.TRUE.equals(body.preferred()));
        return ResponseEntity.created(URI.create("/api/shop/v1/account/addresses/" + saved.id()))
                .cacheControl(CacheControl.noStore()).body(AccountJson.SavedAddressJson.of(saved));
    }

    @GetMapping("/addresses/{id}")
    ResponseEntity<AccountJson.SavedAddressJson> address(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return ok(AccountJson.SavedAddressJson.of(accounts.address(jwt.getSubject(), id(id))));
    }

    @PutMapping(path = "/addresses/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountJson.SavedAddressJson> replace(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestBody AccountJson.AddressJson body) {
        return ok(AccountJson.SavedAddressJson.of(accounts.updateAddress(jwt.getSubject(), id(id),
                body.toAddress())));
    }

    @PostMapping("/addresses/{id}/preferred")
    ResponseEntity<AccountJson.SavedAddressJson> prefer(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return ok(AccountJson.SavedAddressJson.of(accounts.makePreferred(jwt.getSubject(), id(id))));
    }

    @DeleteMapping("/addresses/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        accounts.removeAddress(jwt.getSubject(), id(id));
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    /**
     * Erases the account (right to erasure) once {@code confirm} is true; the confirmation mail goes to the token's
     * email in the {@code lang} or request's language.
     */
    @PostMapping(path = "/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountJson.ErasedJson> erase(@AuthenticationPrincipal Jwt jwt,
            @RequestBody AccountJson.ErasureJson body, @RequestParam(required = false) @Nullable String lang,
            Locale locale) {
        if (!Boolean.TRUE.equals(body.confirm())) {
            throw new InvalidAccountInputException("confirm", "required");
        }
        var language = lang != null && lang.matches("[a-zA-Z]{2,3}") ? lang.toLowerCase(Locale.ROOT)
                : locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
        var erased = accounts.erase(jwt.getSubject(), jwt.getClaimAsString("email"), language);
        return ok(new AccountJson.ErasedJson(erased.erasedAt().toString(), erased.addressesDeleted(),
                erased.ordersAnonymised(), erased.identityPending()));
    }

    /** Not a UUID: no such address either. */
    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new UnknownAddressException();
        }
    }

    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
