package dev.onshore.admin.content;

import dev.onshore.admin.WasRefusal;
import dev.onshore.admin.Access;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CMS screens: the sites per market; a page's corners with every item scheduled in them (window in the market's
 * zone and in the operator's), adding, editing (on the page version the operator saw) and removing an item; and a
 * preview of the page as shoppers reading a chosen language will see it at a chosen time in the market's zone.
 */
@Controller
class CmsController {

    /** A market's site as the admin API lists it. */
    record Site(String market, String zone, String defaultLanguage, List<String> languages, List<String> pages) {
    }

    /** A page's items as the admin API lists them: windows in the market's zone. */
    record PageContents(String market, String pageKey, String template, String zone, long version,
            List<String> corners, List<Item> items) {
    }

    record Item(UUID id, String corner, String language, int priority, @Nullable LocalDateTime startsAt,
            @Nullable LocalDateTime endsAt, Map<String, Object> content) {

        public String type() {
            return String.valueOf(content.get("type"));
        }

        /** The start in the viewer's zone (the window is stored in the market's); null when open. */
        public @Nullable ZonedDateTime startsAt(String marketZone, ZoneId viewer) {
            return startsAt == null ? null : startsAt.atZone(ZoneId.of(marketZone)).withZoneSameInstant(viewer);
        }

        public @Nullable ZonedDateTime endsAt(String marketZone, ZoneId viewer) {
            return endsAt == null ? null : endsAt.atZone(ZoneId.of(marketZone)).withZoneSameInstant(viewer);
        }
    }

    static final List<String> TYPES = List.of("text", "html", "banner", "product-list", "hot-deal");
    static final List<String> RULES = List.of("MANUAL", "CATEGORY", "BRAND", "BEST_SELLERS");

    /** The fields each kind of item uses besides corner, language, priority and window. */
    static final Map<String, List<String>> CONTENT_FIELDS = Map.of("text", List.of("text"), "html", List.of("html"),
            "banner", List.of("image", "link", "alt"), "product-list", List.of("title", "rule", "skus", "value", "limit"),
            "hot-deal", List.of("title", "sku"));

    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
    private static final Pattern PAGE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}|\\*");
    private static final Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9._~/-]{0,200}");

    private final RestClient http;
    private final Clock clock;

    CmsController(RestClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @GetMapping("/cms")
    @PreAuthorize(Access.CONTENT_READ)
    String sites(Model model) {
        model.addAttribute("sites", sites());
        return "cms/sites";
    }

    @GetMapping("/cms/{market}/{page}")
    @PreAuthorize(Access.CONTENT_READ)
    String page(@PathVariable String market, @PathVariable String page,
            @RequestParam(required = false) @Nullable String language, @RequestParam(required = false) @Nullable String at,
            Authentication operator, Model model, RedirectAttributes redirect) {
        var site = site(market, page);
        if (site == null) {
            redirect.addFlashAttribute("problemKey", "cms.unknown");
            return "redirect:/cms";
        }
        var zone = ZoneId.of(site.zone());
        model.addAttribute("site", site);
        model.addAttribute("pageKey", page);
        model.addAttribute("mayChange", mayChange(operator));
        model.addAttribute("types", TYPES);
        model.addAttribute("rules", RULES);
        PageContents contents = null;
        try {
            contents = http.get().uri("/api/admin/cms/sites/{market}/pages/{page}", market, page)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve().body(PageContents.class);
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() != HttpStatus.NOT_FOUND.value()) {
                model.addAttribute("problem", WasRefusal.of(refused).detail());
            }
        }
        model.addAttribute("contents", contents);
        var byCorner = new LinkedHashMap<String, List<Item>>();
        if (contents != null) {
            for (var corner : contents.corners()) {
                byCorner.put(corner, contents.items().stream().filter(item -> item.corner().equals(corner)).toList());
            }
        }
        model.addAttribute("byCorner", byCorner);
        model.addAttribute("corners", contents == null ? List.of() : contents.corners());

        // the preview: the language asked for (else the site's), at the time asked for in the market's zone (else now)
        var previewLanguage = language != null && site.languages().contains(language) ? language
                : site.defaultLanguage();
        var previewAt = local(at);
        if (at != null && !at.isBlank() && previewAt == null) {
            model.addAttribute("previewError", "cms.error.dateTime");
        }
        if (previewAt == null) {
            previewAt = LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MINUTES);
        }
        model.addAttribute("previewLanguage", previewLanguage);
        model.addAttribute("previewAt", previewAt);
        var viewer = LocaleContextHolder.getTimeZone() == null ? ZoneId.of("Asia/Seoul")
                : LocaleContextHolder.getTimeZone().toZoneId();
        model.addAttribute("previewAtOperator", previewAt.atZone(zone).withZoneSameInstant(viewer));
        if (contents != null) {
            try {
                model.addAttribute("preview", http.get()
                        .uri("/api/admin/cms/sites/{market}/pages/{page}/preview?language={language}&at={at}", market,
                                page, previewLanguage, previewAt.toString())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve().body(Map.class));
            } catch (RestClientResponseException refused) {
                model.addAttribute("problem", WasRefusal.of(refused).detail());
            }
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("language", site.defaultLanguage(), "priority", "10", "type", "text",
                    "limit", "8", "rule", "MANUAL"));
        }
        return "cms/page";
    }

    @PostMapping("/cms/{market}/{page}/items")
    @PreAuthorize(Access.CONTENT_WRITE)
    String add(@PathVariable String market, @PathVariable String page, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        var back = "redirect:/cms/" + market + "/" + page;
        if (site(market, page) == null) {
            redirect.addFlashAttribute("problemKey", "cms.unknown");
            return "redirect:/cms";
        }
        if (returnsMistakes(form, redirect)) {
            return back;
        }
        try {
            http.post().uri("/api/admin/cms/sites/{market}/pages/{page}/items", market, page)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language()).contentType(MediaType.APPLICATION_JSON)
                    .body(body(form)).retrieve().toBodilessEntity();
            redirect.addFlashAttribute("notice", "cms.done.add");
        } catch (RestClientResponseException refused) {
            redirect.addFlashAttribute("problem", WasRefusal.of(refused).detail());
            redirect.addFlashAttribute("form", form);
        }
        return back;
    }

    /** An item's form, filled with it as scheduled; read-only for those who may not change content. */
    @GetMapping("/cms/{market}/{page}/items/{id}")
    @PreAuthorize(Access.CONTENT_READ)
    String item(@PathVariable String market, @PathVariable String page, @PathVariable String id,
            Authentication operator, Model model, RedirectAttributes redirect) {
        var site = site(market, page);
        var item = uuid(id);
        var contents = site == null || item == null ? null : contents(market, page);
        var found = contents == null ? null
                : contents.items().stream().filter(candidate -> candidate.id().equals(item)).findFirst().orElse(null);
        if (found == null) {
            redirect.addFlashAttribute("problemKey", "cms.itemUnknown");
            return site == null ? "redirect:/cms" : "redirect:/cms/" + market + "/" + page;
        }
        model.addAttribute("site", site);
        model.addAttribute("pageKey", page);
        model.addAttribute("item", found);
        model.addAttribute("version", contents.version());
        model.addAttribute("corners", contents.corners());
        model.addAttribute("types", TYPES);
        model.addAttribute("rules", RULES);
        model.addAttribute("mayChange", mayChange(operator));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form(found));
        }
        return "cms/item";
    }

    @PostMapping("/cms/{market}/{page}/items/{id}")
    @PreAuthorize(Access.CONTENT_WRITE)
    String edit(@PathVariable String market, @PathVariable String page, @PathVariable String id,
            @RequestParam(defaultValue = "-1") long version, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        var item = uuid(id);
        if (item == null || site(market, page) == null) {
            redirect.addFlashAttribute("problemKey", "cms.itemUnknown");
            return "redirect:/cms";
        }
        var back = "redirect:/cms/" + market + "/" + page + "/items/" + item;
        if (returnsMistakes(form, redirect)) {
            return back;
        }
        try {
            var answer = http.put().uri("/api/admin/cms/sites/{market}/pages/{page}/items/{id}?version={version}",
                    market, page, item, version).header(HttpHeaders.ACCEPT_LANGUAGE, language())
                    .contentType(MediaType.APPLICATION_JSON).body(body(form)).retrieve().body(Map.class);
            redirect.addFlashAttribute("notice", "cms.done.edit");
            return "redirect:/cms/" + market + "/" + page + "/items/" + (answer == null ? item : answer.get("id"));
        } catch (RestClientResponseException refused) {
            var refusal = WasRefusal.of(refused);
            redirect.addFlashAttribute("problem", refusal.detail());
            if (refusal.status() == HttpStatus.NOT_FOUND.value()) {
                return "redirect:/cms/" + market + "/" + page;
            }
            if (refusal.status() == HttpStatus.CONFLICT.value()) {
                // stale: the form shows the item as it is now; what the operator typed is listed beside it
                redirect.addFlashAttribute("typed", form);
            } else {
                redirect.addFlashAttribute("form", form);
            }
            return back;
        }
    }

    @PostMapping("/cms/{market}/{page}/items/{id}/remove")
    @PreAuthorize(Access.CONTENT_WRITE)
    String remove(@PathVariable String market, @PathVariable String page, @PathVariable String id,
            RedirectAttributes redirect) {
        var item = uuid(id);
        if (item == null || site(market, page) == null) {
            redirect.addFlashAttribute("problemKey", "cms.itemUnknown");
            return "redirect:/cms";
        }
        try {
            http.delete().uri("/api/admin/cms/sites/{market}/pages/{page}/items/{id}", market, page, item)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve().toBodilessEntity();
            redirect.addFlashAttribute("notice", "cms.done.remove");
        } catch (RestClientResponseException refused) {
            var refusal = WasRefusal.of(refused);
            if (refusal.status() == HttpStatus.NOT_FOUND.value()) {
                redirect.addFlashAttribute("problemKey", "cms.itemUnknown");
            } else {
                redirect.addFlashAttribute("problem", refusal.detail());
            }
        }
        return "redirect:/cms/" + market + "/" + page;
    }

    /** Whether the form has mistakes; if so, they go back to the form with what was typed. */
    private boolean returnsMistakes(Map<String, String> form, RedirectAttributes redirect) {
        var errors = errors(form);
        if (errors.isEmpty()) {
            return false;
        }
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("form", form);
        return true;
    }

    private List<Site> sites() {
        var sites = http.get().uri("/api/admin/cms/sites").header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve()
                .body(Site[].class);
        return sites == null ? List.of() : List.of(sites);
    }

    /** The market's site when both the market and the page key are well-formed and the shop sells there. */
    private @Nullable Site site(String market, String page) {
        if (!MARKET.matcher(market).matches() || !PAGE.matcher(page).matches() || page.length() > 60) {
            return null;
        }
        return sites().stream().filter(site -> site.market().equals(market)).findFirst().orElse(null);
    }

    private @Nullable PageContents contents(String market, String page) {
        try {
            return http.get().uri("/api/admin/cms/sites/{market}/pages/{page}", market, page)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve().body(PageContents.class);
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return null;
            }
            throw refused;
        }
    }

    /** Per field, the message key of what is wrong with it; empty when the form can go to the WAS. */
    static Map<String, String> errors(Map<String, String> form) {
        var errors = new LinkedHashMap<String, String>();
        if (blank(form.get("corner"))) {
            errors.put("corner", "cms.error.required");
        }
        if (blank(form.get("language")) || !LANGUAGE.matcher(form.get("language").strip()).matches()) {
            errors.put("language", "cms.error.language");
        }
        if (whole(form.get("priority")) == null) {
            errors.put("priority", "cms.error.whole");
        }
        var startsAt = form.get("startsAt");
        var endsAt = form.get("endsAt");
        if (!blank(startsAt) && local(startsAt) == null) {
            errors.put("startsAt", "cms.error.dateTime");
        }
        if (!blank(endsAt) && local(endsAt) == null) {
            errors.put("endsAt", "cms.error.dateTime");
        }
        if (local(startsAt) != null && local(endsAt) != null && !local(endsAt).isAfter(local(startsAt))) {
            errors.put("endsAt", "cms.error.window");
        }
        var type = form.getOrDefault("type", "");
        if (!TYPES.contains(type)) {
            errors.put("type", "cms.error.required");
            return errors;
        }
        switch (type) {
            case "text" -> required(form, errors, "text");
            case "html" -> required(form, errors, "html");
            case "banner" -> {
                if (blank(form.get("image")) || !LOCAL_PATH.matcher(form.get("image").strip()).matches()) {
                    errors.put("image", "cms.error.path");
                }
                if (!blank(form.get("link")) && !LOCAL_PATH.matcher(form.get("link").strip()).matches()) {
                    errors.put("link", "cms.error.path");
                }
            }
            case "product-list" -> {
                required(form, errors, "title");
                var rule = form.getOrDefault("rule", "");
                if (!RULES.contains(rule)) {
                    errors.put("rule", "cms.error.required");
                } else if (rule.equals("MANUAL") && skus(form.get("skus")).isEmpty()) {
                    errors.put("skus", "cms.error.required");
                } else if ((rule.equals("CATEGORY") || rule.equals("BRAND")) && blank(form.get("value"))) {
                    errors.put("value", "cms.error.required");
                }
                var limit = whole(form.get("limit"));
                if (limit == null || limit < 1 || limit > 24) {
                    errors.put("limit", "cms.error.limit");
                }
            }
            default -> {
                required(form, errors, "title");
                required(form, errors, "sku");
            }
        }
        return errors;
    }

    /** The admin API's item: content of the chosen kind only, times as typed (the market's wall clock). */
    static Map<String, Object> body(Map<String, String> form) {
        var type = form.get("type");
        var content = new LinkedHashMap<String, Object>();
        content.put("type", type);
        switch (Objects.requireNonNull(type)) {
            case "text" -> content.put("text", form.get("text").strip());
            case "html" -> content.put("html", form.get("html"));
            case "banner" -> {
                content.put("image", form.get("image").strip());
                content.put("link", blank(form.get("link")) ? null : form.get("link").strip());
                var language = form.get("language").strip();
                content.put("alt", blank(form.get("alt")) ? Map.of()
                        : Map.of(language.equals("*") ? "en" : language, form.get("alt").strip()));
            }
            case "product-list" -> {
                content.put("title", form.get("title").strip());
                content.put("rule", form.get("rule"));
                content.put("skus", skus(form.get("skus")));
                content.put("value", blank(form.get("value")) ? null : form.get("value").strip());
                content.put("limit", whole(form.get("limit")));
            }
            default -> {
                content.put("title", form.get("title").strip());
                content.put("sku", form.get("sku").strip().toUpperCase(Locale.ROOT));
            }
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("corner", form.get("corner").strip());
        body.put("language", form.get("language").strip());
        body.put("priority", whole(form.get("priority")));
        body.put("startsAt", blank(form.get("startsAt")) ? null : local(form.get("startsAt")).toString());
        body.put("endsAt", blank(form.get("endsAt")) ? null : local(form.get("endsAt")).toString());
        body.put("content", content);
        return body;
    }

    /** An item's form fields, as its form shows them. */
    static Map<String, String> form(Item item) {
        var form = new LinkedHashMap<String, String>();
        form.put("corner", item.corner());
        form.put("language", item.language());
        form.put("priority", String.valueOf(item.priority()));
        form.put("startsAt", item.startsAt() == null ? "" : item.startsAt().truncatedTo(ChronoUnit.MINUTES).toString());
        form.put("endsAt", item.endsAt() == null ? "" : item.endsAt().truncatedTo(ChronoUnit.MINUTES).toString());
        form.put("type", item.type());
        item.content().forEach((key, value) -> {
            if (key.equals("skus") && value instanceof List<?> skus) {
                form.put(key, String.join(", ", skus.stream().map(String::valueOf).toList()));
            } else if (key.equals("alt") && value instanceof Map<?, ?> alt) {
                var text = alt.get(item.language().equals("*") ? "en" : item.language());
                form.put(key, text == null ? (alt.isEmpty() ? "" : String.valueOf(alt.values().iterator().next()))
                        : String.valueOf(text));
            } else if (!key.equals("type") && value != null) {
                form.put(key, String.valueOf(value));
            }
        });
        return form;
    }

    private static boolean mayChange(Authentication operator) {
        var roles = Set.of("ROLE_ADMIN", "ROLE_CONTENT_MANAGER");
        return operator.getAuthorities().stream().anyMatch(authority -> roles.contains(authority.getAuthority()));
    }

    private static void required(Map<String, String> form, Map<String, String> errors, String field) {
        if (blank(form.get(field))) {
            errors.put(field, "cms.error.required");
        }
    }

    private static List<String> skus(@Nullable String typed) {
        return typed == null ? List.of()
                : Arrays.stream(typed.split("[,\\s]+")).map(String::strip).filter(sku -> !sku.isEmpty())
                        .map(sku -> sku.toUpperCase(Locale.ROOT)).toList();
    }

    private static @Nullable Integer whole(@Nullable String typed) {
        try {
            return typed == null ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A {@code datetime-local} value ({@code 2026-06-20T10:00}); null when blank or not one. */
    static @Nullable LocalDateTime local(@Nullable String typed) {
        try {
            return blank(typed) ? null : LocalDateTime.parse(typed.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static String language() {
        return LocaleContextHolder.getLocale().toLanguageTag();
    }
}
