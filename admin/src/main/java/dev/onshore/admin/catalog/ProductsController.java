package dev.onshore.admin.catalog;

import dev.onshore.admin.WasRefusal;
import dev.onshore.admin.Access;
import dev.onshore.admin.catalog.CatalogApi.ProductSheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The product list and a product's tabs. Every form carries the product's {@code version}; the internal WAS refuses a
 * stale one and the tab is shown again with the current values beside what the operator typed.
 */
@Controller
class ProductsController {

    static final List<String> TABS = List.of("basics", "variants", "texts", "offers", "regulatory", "images",
            "workflow");
    static final List<String> STATUSES = List.of("DRAFT", "PENDING_APPROVAL", "APPROVED", "PUBLISHED", "SUSPENDED");
    static final List<String> LANGUAGES = List.of("en", "ko", "id", "ms", "zh", "ja", "th");
    static final List<String> TEXT_FIELDS = List.of("name", "summary", "description", "ingredients", "usage",
            "warnings");
    static final List<String> MARKETS = List.of("KR", "SG", "MY", "ID", "US", "CN", "JP", "TH");

    /** The media store's names: a SHA-256 and the image type. */
    static final java.util.regex.Pattern MEDIA_NAME = java.util.regex.Pattern.compile("[0-9a-f]{64}\\.(?:png|jpg|webp)");

    private final CatalogApi api;
    private final org.springframework.context.MessageSource messages;

    ProductsController(CatalogApi api, org.springframework.context.MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/products")
    @PreAuthorize(Access.CATALOG_READ)
    String list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String brand,
            @RequestParam(required = false) @Nullable String market, @RequestParam(defaultValue = "0") int page,
            Model model) {
        var language = LocaleContextHolder.getLocale().getLanguage();
        model.addAttribute("result", api.search(q, status, category, brand, market, Math.max(0, page), 20, language));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("brand", brand == null ? "" : brand);
        model.addAttribute("market", market == null ? "" : market);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("markets", MARKETS);
        model.addAttribute("brands", api.brands());
        return "catalog/products";
    }

    @GetMapping("/products/new")
    @PreAuthorize(Access.CATALOG_WRITE)
    String newProduct(Model model) {
        model.addAttribute("entered", Map.of("baseCurrency", "KRW"));
        model.addAttribute("errors", Map.of());
        return "catalog/product-new";
    }

    @PostMapping("/products")
    @PreAuthorize(Access.CATALOG_WRITE)
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        var body = new LinkedHashMap<String, Object>();
        for (var field : List.of("sku", "brand", "category", "baseCurrency", "name")) {
            body.put(field, form.getOrDefault(field, ""));
        }
        var errors = new LinkedHashMap<String, String>();
        body.put("basePrice", decimal(form.get("basePrice"), "basePrice", errors));
        try {
            if (errors.isEmpty()) {
                return "redirect:/products/" + api.create(body).sku();
            }
        } catch (RestClientResponseException refused) {
            var problems = WasRefusal.of(refused);
            errors.putAll(problems.fields());
            model.addAttribute("problem", problems.detail());
        }
        response.setStatus(400);
        model.addAttribute("entered", form);
        model.addAttribute("errors", errors);
        return "catalog/product-new";
    }

    @GetMapping("/products/{sku}")
    @PreAuthorize(Access.CATALOG_READ)
    String show(@PathVariable String sku, @RequestParam(defaultValue = "basics") String tab, Model model) {
        var sheet = api.sheet(sku, LocaleContextHolder.getLocale().getLanguage());
        return render(sheet, TABS.contains(tab) ? tab : "basics", model, Map.of(), Map.of());
    }

    private String render(ProductSheet sheet, String tab, Model model, Map<String, String> errors,
            Map<String, String> entered) {
        model.addAttribute("product", sheet);
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", TABS);
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("textFields", TEXT_FIELDS);
        model.addAttribute("markets", MARKETS);
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        if (!model.containsAttribute("changes")) {
            model.addAttribute("changes", List.of());
        }
        if (tab.equals("variants")) {
            model.addAttribute("variants", api.variants(sheet.sku()));
        }
        return "catalog/product";
    }

    @PostMapping("/products/{sku}/basics")
    @PreAuthorize(Access.CATALOG_WRITE)
    String basics(@PathVariable String sku, @RequestParam(defaultValue = "-1") long version, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var errors = new LinkedHashMap<String, String>();
        var body = new LinkedHashMap<String, Object>();
        body.put("brand", form.getOrDefault("brand", ""));
        body.put("category", form.getOrDefault("category", ""));
        body.put("baseCurrency", form.getOrDefault("baseCurrency", ""));
        body.put("basePrice", decimal(form.get("basePrice"), "basePrice", errors));
        return change(sku, "basics", form, errors, model, response, redirect,
                () -> api.put("/api/admin/products/{sku}/basics", version, body, sku));
    }

    @PostMapping("/products/{sku}/texts/{language}")
    @PreAuthorize(Access.CATALOG_WRITE)
    String texts(@PathVariable String sku, @PathVariable String language, @RequestParam(defaultValue = "-1") long version,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var body = new LinkedHashMap<String, Object>();
        TEXT_FIELDS.forEach(field -> body.put(field, form.getOrDefault(field, "")));
        form.put("language", language);
        return change(sku, "texts", form, new LinkedHashMap<>(), model, response, redirect,
                () -> api.put("/api/admin/products/{sku}/translations/{language}", version, body, sku, language));
    }

    @PostMapping("/products/{sku}/offers/{market}")
    @PreAuthorize(Access.CATALOG_WRITE)
    String offer(@PathVariable String sku, @PathVariable String market, @RequestParam(defaultValue = "-1") long version,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var errors = new LinkedHashMap<String, String>();
        var body = new LinkedHashMap<String, Object>();
        var converted = "CONVERTED".equals(form.get("pricing"));
        body.put("pricing", converted ? "CONVERTED" : "LIST");
        body.put("currency", form.getOrDefault("currency", ""));
        if (!converted) {
            body.put("listPrice", decimal(form.get("listPrice"), "listPrice", errors));
        }
        body.put("salePrice", decimal(form.get("salePrice"), "salePrice", errors));
        body.put("saleStartsAt", instant(form.get("saleStartsAt"), "saleStartsAt", errors));
        body.put("saleEndsAt", instant(form.get("saleEndsAt"), "saleEndsAt", errors));
        body.put("maxPerOrder", integer(form.get("maxPerOrder"), "maxPerOrder", errors));
        body.put("availability", form.getOrDefault("availability", "IN_STOCK"));
        form.put("market", market);
        return change(sku, "offers", form, errors, model, response, redirect,
                () -> api.put("/api/admin/products/{sku}/offers/{market}", version, body, sku, market));
    }

    @PostMapping("/products/{sku}/offers/{market}/withdrawal")
    @PreAuthorize(Access.CATALOG_WRITE)
    String withdrawOffer(@PathVariable String sku, @PathVariable String market, @RequestParam(defaultValue = "-1") long version,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        form.put("market", market);
        return change(sku, "offers", form, new LinkedHashMap<>(), model, response, redirect,
                () -> api.withdrawOffer(sku, market, version));
    }

    @PostMapping("/products/{sku}/regulatory/{market}")
    @PreAuthorize(Access.CATALOG_WRITE)
    String regulatory(@PathVariable String sku, @PathVariable String market, @RequestParam(defaultValue = "-1") long version,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var attributes = new TreeMap<String, String>();
        form.forEach((name, value) -> {
            if (name.startsWith("attr.") && !value.isBlank()) {
                attributes.put(name.substring(5), value);
            }
        });
        form.put("market", market);
        return change(sku, "regulatory", form, new LinkedHashMap<>(), model, response, redirect,
                () -> api.put("/api/admin/products/{sku}/regulatory/{market}", version, attributes, sku, market));
    }

    /**
     * The option and its variants, one variant a line: {@code suffix | label en | label ko | price delta |
     * availability}.
     */
    @PostMapping("/products/{sku}/variants")
    @PreAuthorize(Access.CATALOG_WRITE)
    String variants(@PathVariable String sku, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var errors = new LinkedHashMap<String, String>();
        var variants = new ArrayList<CatalogApi.Variant>();
        var lines = form.getOrDefault("lines", "").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i < lines.size(); i++) {
            var parts = lines.get(i).split("\\|", -1);
            var labels = new TreeMap<String, String>();
            if (parts.length > 1 && !parts[1].isBlank()) {
                labels.put("en", parts[1].strip());
            }
            if (parts.length > 2 && !parts[2].isBlank()) {
                labels.put("ko", parts[2].strip());
            }
            var delta = parts.length > 3 ? decimal(parts[3], "variants[" + i + "].priceDelta", errors) : null;
            var availability = parts.length > 4 && !parts[4].isBlank() ? parts[4].strip().toUpperCase(Locale.ROOT)
                    : "IN_STOCK";
            variants.add(new CatalogApi.Variant(parts[0].strip(), labels, delta, Map.of(), availability));
        }
        var optionCode = form.getOrDefault("optionCode", "").strip();
        var optionLabels = new TreeMap<String, String>();
        for (var language : List.of("en", "ko")) {
            var label = form.getOrDefault("optionLabel." + language, "").strip();
            if (!label.isEmpty()) {
                optionLabels.put(language, label);
            }
        }
        return change(sku, "variants", form, errors, model, response, redirect, Change.of(() -> api.defineVariants(
                sku, new CatalogApi.Variants(optionCode.isEmpty() ? null : optionCode, optionLabels, variants))));
    }

    @PostMapping("/products/{sku}/images")
    @PreAuthorize(Access.CATALOG_WRITE)
    String uploadImage(@PathVariable String sku,
            @RequestParam(name = "image", required = false) @Nullable MultipartFile image,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        var alt = new TreeMap<String, String>();
        for (var language : List.of("en", "ko")) {
            var text = form.getOrDefault("alt." + language, "").strip();
            if (!text.isEmpty()) {
                alt.put(language, text);
            }
        }
        // Optional so that the role check, not the multipart parser, answers a caller who may not upload.
        var bytes = image == null ? new byte[0] : image.getBytes();
        return change(sku, "images", form, new LinkedHashMap<>(), model, response, redirect,
                Change.of(() -> api.uploadImage(sku, bytes, alt)));
    }

    @PostMapping("/products/{sku}/images/{file}/main")
    @PreAuthorize(Access.CATALOG_WRITE)
    String makeMainImage(@PathVariable String sku, @PathVariable String file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return imageAction(HttpMethod.PUT, "/api/admin/products/{sku}/images/{file}/main", sku, file, model, response,
                redirect);
    }

    @PostMapping("/products/{sku}/images/{file}/removal")
    @PreAuthorize(Access.CATALOG_WRITE)
    String removeImage(@PathVariable String sku, @PathVariable String file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return imageAction(HttpMethod.DELETE, "/api/admin/products/{sku}/images/{file}", sku, file, model, response,
                redirect);
    }

    private String imageAction(HttpMethod method, String path, String sku, String file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return change(sku, "images", new LinkedHashMap<>(), new LinkedHashMap<>(), model, response, redirect,
                Change.of(() -> api.imageAction(method, path, sku, file)));
    }

    /** Submit, approve, reject (with a reason), publish, suspend: the WAS enforces four eyes and the transitions. */
    @PostMapping("/products/{sku}/workflow/{action}")
    @PreAuthorize(Access.CATALOG_WRITE)
    String workflow(@PathVariable String sku, @PathVariable String action,
            @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!List.of("submit", "approve", "reject", "publish", "suspend").contains(action)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var form = new LinkedHashMap<String, String>(Map.of("reason", reason));
        return change(sku, "workflow", form, new LinkedHashMap<>(), model, response, redirect,
                Change.of(() -> api.workflow(sku, action, reason)));
    }

    /** Images of the media store through this app: the operator's browser reaches only the admin. */
    @GetMapping("/products/media/{file}")
    @PreAuthorize(Access.CATALOG_READ)
    ResponseEntity<byte[]> media(@PathVariable String file) {
        if (!MEDIA_NAME.matcher(file).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var answer = api.media(file);
        return ResponseEntity.ok().contentType(answer.getHeaders().getContentType())
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
                .body(answer.getBody());
    }

    interface Change {
        @Nullable ProductSheet apply();

        /** A change the WAS answers without the product's sheet. */
        static Change of(Runnable call) {
            return () -> {
                call.run();
                return null;
            };
        }
    }

    /**
     * Applies the change and shows the tab again: on success after a redirect with a notice; on a refusal at once,
     * with the WAS's field messages, or, for a stale version, the current values beside what was typed.
     */
    private String change(String sku, String tab, Map<String, String> form, Map<String, String> errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Change change) {
        var anchor = "?tab=" + tab;
        if (errors.isEmpty()) {
            try {
                change.apply();
                redirect.addFlashAttribute("notice", "saved");
                return "redirect:/products/" + sku + anchor;
            } catch (RestClientResponseException refused) {
                var problems = WasRefusal.of(refused);
                errors.putAll(problems.fields());
                model.addAttribute("problem", problems.detail());
                response.setStatus(problems.screenStatus());
                var current = api.sheet(sku, LocaleContextHolder.getLocale().getLanguage());
                if (problems.stale()) {
                    model.addAttribute("changes", changes(current, tab, form));
                }
                return render(current, tab, model, errors, form);
            }
        }
        response.setStatus(400);
        return render(api.sheet(sku, LocaleContextHolder.getLocale().getLanguage()), tab, model, errors, form);
    }

    /** What differs now from what the operator typed, field by field: the stale edit's "what changed". */
    record FieldChange(String field, String current, String typed) {
    }

    static List<FieldChange> changes(ProductSheet current, String tab, Map<String, String> typed) {
        var now = currentValues(current, tab, typed);
        var result = new ArrayList<FieldChange>();
        now.forEach((field, value) -> {
            var mine = typed.getOrDefault(field, "");
            if (!same(value, mine)) {
                result.add(new FieldChange(field, value, mine));
            }
        });
        result.add(new FieldChange("version", String.valueOf(current.version()), typed.getOrDefault("version", "")));
        return result;
    }

    private static boolean same(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException notNumbers) {
            return a.strip().equals(b.strip());
        }
    }

    static Map<String, String> currentValues(ProductSheet sheet, String tab, Map<String, String> typed) {
        var values = new LinkedHashMap<String, String>();
        switch (tab) {
            case "basics" -> {
                values.put("brand", sheet.brand());
                values.put("category", sheet.category() == null ? "" : sheet.category());
                values.put("basePrice", sheet.basePrice().stripTrailingZeros().toPlainString());
                values.put("baseCurrency", sheet.baseCurrency());
            }
            case "texts" -> {
                var text = sheet.translations().get(typed.getOrDefault("language", "en"));
                for (var field : TEXT_FIELDS) {
                    values.put(field, text == null ? "" : text(text, field));
                }
            }
            case "offers" -> {
                var offer = sheet.offers().get(typed.getOrDefault("market", ""));
                values.put("listPrice", offer == null || offer.listPrice() == null ? ""
                        : offer.listPrice().stripTrailingZeros().toPlainString());
                values.put("salePrice", offer == null || offer.salePrice() == null ? ""
                        : offer.salePrice().stripTrailingZeros().toPlainString());
                values.put("maxPerOrder", offer == null ? "" : String.valueOf(offer.maxPerOrder()));
                values.put("availability", offer == null ? "" : offer.availability());
            }
            case "regulatory" -> {
                var data = sheet.regulatory().get(typed.getOrDefault("market", ""));
                if (data != null) {
                    for (var name : data.required()) {
                        values.put("attr." + name, data.attributes().getOrDefault(name, ""));
                    }
                }
            }
            default -> {
            }
        }
        return values;
    }

    private static String text(CatalogApi.Texts texts, String field) {
        var value = switch (field) {
            case "name" -> texts.name();
            case "summary" -> texts.summary();
            case "description" -> texts.description();
            case "ingredients" -> texts.ingredients();
            case "usage" -> texts.usage();
            default -> texts.warnings();
        };
        return value == null ? "" : value;
    }

    private @Nullable BigDecimal decimal(@Nullable String raw, String field, Map<String, String> errors) {
        return parsed(raw, field, errors, "catalog.error.number", value -> new BigDecimal(value.replace(",", "")));
    }

    private @Nullable Integer integer(@Nullable String raw, String field, Map<String, String> errors) {
        return parsed(raw, field, errors, "catalog.error.number", Integer::valueOf);
    }

    /** A {@code datetime-local} value in the operator's zone (KST unless chosen otherwise). */
    private java.time.@Nullable Instant instant(@Nullable String raw, String field,
            Map<String, String> errors) {
        return parsed(raw, field, errors, "catalog.error.dateTime", value -> {
            var zone = LocaleContextHolder.getTimeZone() == null ? ZoneId.of("Asia/Seoul")
                    : LocaleContextHolder.getTimeZone().toZoneId();
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        });
    }

    /**
     * The form's {@code field} read by {@code parse} (stripped); null when it is blank, and null with the message
     * {@code key} among the errors when it does not parse.
     */
    private <T> @Nullable T parsed(@Nullable String raw, String field, Map<String, String> errors, String key,
            java.util.function.Function<String, T> parse) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parse.apply(raw.strip());
        } catch (NumberFormatException | DateTimeParseException e) {
            errors.put(field, message(key, field));
            return null;
        }
    }

    private String message(String key, String field) {
        return messages.getMessage(key, new Object[] {field}, LocaleContextHolder.getLocale());
    }
}
