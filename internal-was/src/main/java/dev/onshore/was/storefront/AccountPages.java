package dev.onshore.was.storefront;

import dev.onshore.i18n.address.Address;
import dev.onshore.i18n.address.AddressError;
import dev.onshore.i18n.address.AddressField;
import dev.onshore.i18n.address.AddressFormat;
import dev.onshore.i18n.address.AddressFormats;
import dev.onshore.i18n.time.ViewerTime;
import dev.onshore.was.accounts.AccountErasedException;
import dev.onshore.was.accounts.AccountErasureRefusedException;
import dev.onshore.was.accounts.InvalidAccountInputException;
import dev.onshore.was.accounts.Profile;
import dev.onshore.was.accounts.ProfileChange;
import dev.onshore.was.accounts.ShopperAccounts;
import dev.onshore.was.accounts.UnknownAddressException;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.storefront.FormTokens.Form;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
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
 * The shopper's account page: order history, profile and preferences, the address book (the market's address form
 * and rules, as at checkout) and erasure. Only for a logged-in shopper (others are sent to log in); every form is
 * on this private page and carries the CSRF token and a one-time form token bound to that form (checkout's
 * {@link FormTokens}), so a double submit or a replayed form changes the account once and one form's token does
 * nothing in another; a refusal or a spent token shows the page again with a message in its language.
 */
@Controller
class AccountPages {

    /** A saved address as the page lists it. */
    public record Saved(String id, String label, boolean preferred) {
    }

    private static final int HISTORY = 50;
    private static final AddressFormats ADDRESSES = AddressFormats.defaults();

    private final ShopperAccounts accounts;
    private final OrderManagement orders;
    private final ShopCookies cookies;
    private final PageFrame pages;
    private final StorefrontLocales locales;
    private final MessageSource messages;
    private final FormTokens tokens;

    AccountPages(ShopperAccounts accounts, OrderManagement orders, ShopCookies cookies, PageFrame pages,
            StorefrontLocales locales, MessageSource messages, FormTokens tokens) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.orders = orders;
        this.cookies = cookies;
        this.pages = pages;
        this.locales = locales;
        this.messages = messages;
    }

    @GetMapping("/{locale}/account")
    ModelAndView account(@PathVariable String locale, @RequestParam(required = false) @Nullable String done,
            HttpServletRequest request, HttpServletResponse response) {
        return withShopper(locale, (page, shopper) -> {
            var view = render(page, shopper, null, Map.of(), List.of(), null, request, response);
            if (done != null && done.matches("profile|address|preferred|removed")) {
                view.addObject("notice", messages.getMessage("shop.account.done." + done, null, page.locale()));
            }
            return view;
        });
    }

    @PostMapping("/{locale}/account/profile")
    ModelAndView profile(@PathVariable String locale, @RequestParam Map<String, String> form,
            HttpServletRequest request, HttpServletResponse response) {
        return once(locale, Form.PROFILE, form, request, response, (page, shopper) -> {
            var current = accounts.profile(shopper.subject());
            try {
                // The page edits name, phone and zone; language and currency are the switcher's (saved there).
                accounts.updateProfile(shopper.subject(), new ProfileChange(form.get("displayName"),
                        form.get("phone"), current.market(),
                        current.locale() == null ? null : current.locale().toLanguageTag(),
                        current.currency() == null ? null : current.currency().getCurrencyCode(),
                        form.get("timeZone")));
                return done(page, "profile");
            } catch (InvalidAccountInputException invalid) {
                return refused(page, shopper, form, Map.of(), List.of(), invalid, request, response);
            }
        });
    }

    @PostMapping("/{locale}/account/addresses")
    ModelAndView addAddress(@PathVariable String locale, @RequestParam Map<String, String> form,
            HttpServletRequest request, HttpServletResponse response) {
        return once(locale, Form.ADD_ADDRESS, form, request, response, (page, shopper) -> {
            try {
                accounts.addAddress(shopper.subject(), address(page, form), "on".equals(form.get("preferred")));
                return done(page, "address");
            } catch (InvalidAccountInputException invalid) {
                return refused(page, shopper, null, form, invalid.addressErrors(), invalid, request, response);
            }
        });
    }

    @PostMapping("/{locale}/account/addresses/{id}/preferred")
    ModelAndView prefer(@PathVariable String locale, @PathVariable String id,
            @RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response) {
        return changeAddress(locale, id, Form.PREFER_ADDRESS, "preferred", form, request, response,
                accounts::makePreferred);
    }

    @PostMapping("/{locale}/account/addresses/{id}/remove")
    ModelAndView remove(@PathVariable String locale, @PathVariable String id,
            @RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response) {
        return changeAddress(locale, id, Form.REMOVE_ADDRESS, "removed", form, request, response,
                accounts::removeAddress);
    }

    /** Erasure: only with the confirmation box ticked; then the login cookie goes and a goodbye page shows. */
    @PostMapping("/{locale}/account/erase")
    ModelAndView erase(@PathVariable String locale, @RequestParam Map<String, String> form,
            HttpServletRequest request, HttpServletResponse response) {
        return once(locale, Form.ERASE_ACCOUNT, form, request, response, (page, shopper) -> {
            if (!"yes".equals(form.get("confirm"))) {
                var view = render(page, shopper, null, Map.of(), List.of(),
                        messages.getMessage("shop.account.erase.unconfirmed", null, page.locale()), request,
                        response);
                view.setStatus(HttpStatus.BAD_REQUEST);
                return view;
            }
            try {
                accounts.erase(shopper.subject(), shopper.email().isBlank() ? null : shopper.email(),
                        page.language());
            } catch (AccountErasureRefusedException open) {
                var view = render(page, shopper, null, Map.of(), List.of(), messages.getMessage(
                        "problem.account.open-orders.detail", new Object[] {open.openOrders()}, page.locale()),
                        request, response);
                view.setStatus(HttpStatus.CONFLICT);
                return view;
            }
            cookies.clear(response, ShopCookies.SHOPPER);
            ShopperFrame.markPrivate(request, response);
            var view = pages.page("storefront/account-erased", page, "account");
            view.addObject("noindex", true);
            view.addObject("alternates", null);
            return view;
        });
    }

    private interface ForShopper {
        ModelAndView show(StorefrontLocale page, Shopper shopper);
    }

    private ModelAndView withShopper(String locale, ForShopper action) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        var shopper = Shopper.current().orElse(null);
        if (shopper == null) {
            return new ModelAndView("redirect:/" + page.path() + "/login?next=/" + page.path() + "/account");
        }
        return action.show(page, shopper);
    }

    /**
     * Runs a form's action once per form token, which must be one issued for this form ({@code purpose}): the token is
     * claimed first; an action that succeeded (its view has no error status) spends it, a refused one frees it so that
     * the corrected form can be sent again. A token that was spent, is still being used by a concurrent submit, was
     * issued for another form, or is forged or too old shows the page with a message.
     */
    private ModelAndView once(String locale, Form purpose, Map<String, String> form, HttpServletRequest request,
            HttpServletResponse response, ForShopper action) {
        return withShopper(locale, (page, shopper) -> {
            var token = form.getOrDefault("formToken", "");
            var refusal = switch (tokens.claimOnceSettled(token, purpose)) {
                case FormTokens.Claimed _ -> null;
                case FormTokens.Expired _ -> "shop.account.form-expired";
                // Another form's token is refused as a spent one: it must not erase the account, say.
                case FormTokens.Used _, FormTokens.Placed _, FormTokens.Running _, FormTokens.OtherForm _,
                        FormTokens.Resume _ ->
                    "shop.account.form-used";
            };
            if (refusal != null) {
                var view = render(page, shopper, null, Map.of(), List.of(),
                        messages.getMessage(refusal, null, page.locale()), request, response);
                view.setStatus(HttpStatus.CONFLICT);
                return view;
            }
            try {
                var view = action.show(page, shopper);
                if (view.getStatus() == null) {
                    tokens.done(token);
                } else {
                    tokens.release(token);
                }
                return view;
            } catch (AccountErasedException erased) {
                // A login cookie from before the erasure (another device's): nothing personal is saved again.
                tokens.release(token);
                var view = render(page, shopper, null, Map.of(), List.of(),
                        messages.getMessage("problem.account.erased.detail", null, page.locale()), request, response);
                view.setStatus(HttpStatus.GONE);
                return view;
            } catch (RuntimeException e) {
                tokens.release(token);
                throw e;
            }
        });
    }

    /**
     * Applies {@code change} (given the shopper's subject and the address's id) to the saved address {@code id}, once
     * per form token; an id that is none of the shopper's addresses, or not an id at all, shows the page with a 404.
     */
    private ModelAndView changeAddress(String locale, String id, Form purpose, String what,
            Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
            BiConsumer<String, UUID> change) {
        return once(locale, purpose, form, request, response, (page, shopper) -> {
            try {
                change.accept(shopper.subject(), UUID.fromString(id));
                return done(page, what);
            } catch (UnknownAddressException | IllegalArgumentException unknown) {
                return unknownAddress(page, shopper, request, response);
            }
        });
    }

    private static ModelAndView done(StorefrontLocale page, String what) {
        return new ModelAndView("redirect:/" + page.path() + "/account?done=" + what);
    }

    private ModelAndView unknownAddress(StorefrontLocale page, Shopper shopper, HttpServletRequest request,
            HttpServletResponse response) {
        var view = render(page, shopper, null, Map.of(), List.of(),
                messages.getMessage("problem.account.unknown-address.detail", null, page.locale()), request,
                response);
        view.setStatus(HttpStatus.NOT_FOUND);
        return view;
    }

    private ModelAndView refused(StorefrontLocale page, Shopper shopper, @Nullable Map<String, String> profileForm,
            Map<String, String> addressForm, List<AddressError> errors, InvalidAccountInputException invalid,
            HttpServletRequest request, HttpServletResponse response) {
        var field = messages.getMessage("account.field." + invalid.field(), null, invalid.field(), page.locale());
        var view = render(page, shopper, profileForm, addressForm, errors, messages.getMessage(
                "problem.account.invalid-input.detail", new Object[] {field}, page.locale()), request, response);
        view.setStatus(HttpStatus.BAD_REQUEST);
        return view;
    }

    private ModelAndView render(StorefrontLocale page, Shopper shopper, @Nullable Map<String, String> profileForm,
            Map<String, String> addressForm, List<AddressError> errors, @Nullable String error,
            HttpServletRequest request, HttpServletResponse response) {
        ShopperFrame.markPrivate(request, response);
        var view = pages.page("storefront/account", page, "account");
        view.addObject("noindex", true);
        view.addObject("alternates", null);
        var zone = page.settings().zone();
        view.addObject("orders", orders.findForMember(shopper.subject(), HISTORY).stream()
                .map(order -> new OrderPages.Summary(order.number(),
                        ViewerTime.date(order.placedAt(), zone, page.locale()), order.status(),
                        order.total().format(page.locale())))
                .toList());
        var profile = accounts.profile(shopper.subject());
        view.addObject("profile", profileForm == null ? profileForm(profile) : profileForm);
        view.addObject("preferences", preferences(profile, page));
        view.addObject("addresses", accounts.addresses(shopper.subject()).stream()
                .map(saved -> new Saved(saved.id().toString(), saved.address().country() + " · "
                        + CheckoutPages.label(saved.address()), saved.preferred()))
                .toList());
        var format = ADDRESSES.forCountry(page.market()).orElseThrow();
        view.addObject("fields", format.fields().stream().filter(field -> field != AddressField.COUNTRY)
                .map(field -> new CheckoutPages.Field(CheckoutPages.name(field),
                        "address.field." + CheckoutPages.name(field), format.isRequired(field),
                        addressForm.getOrDefault(CheckoutPages.name(field), "").strip(),
                        errors.stream().filter(e -> e.field() == field).findFirst()
                                .map(e -> messages.getMessage(e.messageKey(), null, page.locale())).orElse(null)))
                .toList());
        view.addObject("postalCodeExample", format.postalCodeExample());
        view.addObject("error", error);
        // Each form its own token: one form's token is refused by every other.
        view.addObject("formTokens", Map.of("profile", tokens.issue(Form.PROFILE),
                "addAddress", tokens.issue(Form.ADD_ADDRESS), "preferAddress", tokens.issue(Form.PREFER_ADDRESS),
                "removeAddress", tokens.issue(Form.REMOVE_ADDRESS), "erase", tokens.issue(Form.ERASE_ACCOUNT)));
        return view;
    }

    private static Map<String, String> profileForm(Profile profile) {
        return Map.of("displayName", profile.displayName() == null ? "" : profile.displayName(),
                "phone", profile.phone() == null ? "" : profile.phone(),
                "timeZone", profile.zone() == null ? "" : profile.zone().getId());
    }

    /** The saved market choice as one line, in the page's language; empty when none is saved. */
    private static String preferences(Profile profile, StorefrontLocale page) {
        if (profile.market() == null) {
            return "";
        }
        var parts = new java.util.ArrayList<String>();
        parts.add(java.util.Locale.of("", profile.market()).getDisplayCountry(page.locale()));
        if (profile.locale() != null) {
            parts.add(profile.locale().getDisplayLanguage(page.locale()));
        }
        if (profile.currency() != null) {
            parts.add(profile.currency().getCurrencyCode());
        }
        if (profile.zone() != null) {
            parts.add(profile.zone().getId());
        }
        return String.join(" · ", parts);
    }

    /** The address of the page's market from the form (values cut as at checkout). */
    private static Address address(StorefrontLocale page, Map<String, String> form) {
        var fields = new EnumMap<AddressField, String>(AddressField.class);
        for (var field : AddressField.values()) {
            var value = form.get(CheckoutPages.name(field));
            if (field != AddressField.COUNTRY && value != null) {
                fields.put(field, value.length() > AddressFormat.MAX_LENGTH * 2
                        ? value.substring(0, AddressFormat.MAX_LENGTH * 2) : value);
            }
        }
        return new Address(page.market(), fields);
    }
}
