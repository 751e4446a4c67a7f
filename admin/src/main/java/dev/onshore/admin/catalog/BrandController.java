package dev.onshore.admin.catalog;

import dev.onshore.admin.Access;
import dev.onshore.admin.WasRefusal;
import dev.onshore.admin.catalog.CatalogApi.BrandProfile;
import dev.onshore.admin.catalog.CatalogApi.BrandText;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * A brand's page: its logo (upload a new one, remove it) and its display name and description in every storefront
 * language. The brand is named in the query string ({@code /brands/edit?name=...}), never in the path: a brand may hold
 * a slash. The texts carry the profile's {@code version}; the internal WAS refuses a stale one, and the page is shown
 * again with the operator's texts kept, the current ones beside them and a message saying someone changed the brand
 * meanwhile. A change that succeeds redirects back with a notice.
 */
@Controller
class BrandController {

    /** The languages a brand has texts in: the storefront's and Vietnamese. */
    static final List<String> LANGUAGES = List.of("en", "ko", "id", "ms", "zh", "ja", "th", "vi");

    private final CatalogApi api;

    BrandController(CatalogApi api) {
        this.api = api;
    }

    @GetMapping("/brands/edit")
    @PreAuthorize(Access.CATALOG_READ)
    String edit(@RequestParam(defaultValue = "") String name, Model model) {
        return render(profile(name), model, Map.of(), Map.of());
    }

    /** The texts, {@code displayName.<language>} and {@code description.<language>}, replacing the whole set. */
    @PostMapping("/brands/edit/texts")
    @PreAuthorize(Access.CATALOG_WRITE)
    String saveTexts(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "-1") long version,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(name, "texts", form, model, response, redirect,
                () -> api.saveBrandTexts(name, version, texts(form)));
    }

    @PostMapping("/brands/edit/logo")
    @PreAuthorize(Access.CATALOG_WRITE)
    String uploadLogo(@RequestParam(defaultValue = "") String name,
            @RequestParam(name = "logo", required = false) @Nullable MultipartFile logo, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        // Optional so that the role check, not the multipart parser, answers a caller who may not upload; an empty
        // file is sent as it is and the WAS names what is missing.
        var bytes = logo == null ? new byte[0] : logo.getBytes();
        return change(name, "logo", Map.of(), model, response, redirect, () -> api.uploadBrandLogo(name, bytes));
    }

    @PostMapping("/brands/edit/logo/removal")
    @PreAuthorize(Access.CATALOG_WRITE)
    String removeLogo(@RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(name, "logoRemoved", Map.of(), model, response, redirect, () -> api.removeBrandLogo(name));
    }

    /** Every language's row of the form; a row left blank is left out, which removes the language's texts. */
    static Map<String, BrandText> texts(Map<String, String> form) {
        var texts = new LinkedHashMap<String, BrandText>();
        for (var language : LANGUAGES) {
            var displayName = form.getOrDefault("displayName." + language, "").strip();
            var description = form.getOrDefault("description." + language, "").strip();
            if (!displayName.isEmpty() || !description.isEmpty()) {
                texts.put(language, new BrandText(displayName, description.isEmpty() ? null : description));
            }
        }
        return texts;
    }

    interface Change {
        BrandProfile apply();
    }

    /**
     * Applies the change; on success redirects to the brand's page with a notice, on a refusal shows the page at once
     * with what the operator typed kept: a stale version in the admin's own words with the current texts beside the
     * typed ones, anything else as the WAS's detail and its field messages next to the fields.
     */
    private String change(String name, String notice, Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Change change) {
        try {
            change.apply();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/brands/edit?name=" + UriUtils.encode(name, StandardCharsets.UTF_8);
        } catch (RestClientResponseException refused) {
            var refusal = WasRefusal.of(refused);
            response.setStatus(refusal.screenStatus());
            BrandProfile current = null;
            if (refusal.type().endsWith("/stale-brand")) {
                current = CatalogApi.staleBrand(refused);
                model.addAttribute("problemKey", "catalog.brand.stale");
                model.addAttribute("problemArguments", List.of(name));
            } else {
                model.addAttribute("problem", refusal.detail());
            }
            var profile = current != null ? current : profile(name);
            if (current != null) {
                model.addAttribute("changes", changes(current, form));
            }
            return render(profile, model, refusal.fields(), form);
        }
    }

    /** A text that differs now from what the operator typed: the stale edit's "what changed". */
    record TextChange(String language, String field, String current, String typed) {
    }

    static List<TextChange> changes(BrandProfile current, Map<String, String> typed) {
        var changes = new ArrayList<TextChange>();
        for (var language : LANGUAGES) {
            var text = current.texts().get(language);
            for (var field : List.of("displayName", "description")) {
                var value = text == null ? null : field.equals("displayName") ? text.displayName() : text.description();
                var now = value == null ? "" : value.strip();
                var mine = typed.getOrDefault(field + "." + language, "").strip();
                if (!now.equals(mine)) {
                    changes.add(new TextChange(language, field, now, mine));
                }
            }
        }
        return changes;
    }

    private BrandProfile profile(String name) {
        try {
            return api.brandProfile(name);
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == 404) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, WasRefusal.of(refused).detail());
            }
            throw refused;
        }
    }

    /**
     * The page for {@code profile}; {@code entered} is what the operator typed (the texts form's fields), shown instead
     * of the profile's texts when there is any. Errors the form has no field for (an unknown language) are listed
     * with the problem.
     */
    private String render(BrandProfile profile, Model model, Map<String, String> errors,
            Map<String, String> entered) {
        model.addAttribute("brand", profile);
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        model.addAttribute("typed", entered.keySet().stream().anyMatch(key -> key.startsWith("displayName.")
                || key.startsWith("description.")));
        var fields = new ArrayList<String>(List.of("file"));
        LANGUAGES.forEach(language -> fields.addAll(List.of("texts." + language + ".displayName",
                "texts." + language + ".description")));
        var other = new LinkedHashMap<String, String>(errors);
        other.keySet().removeAll(fields);
        model.addAttribute("otherErrors", other);
        if (!model.containsAttribute("changes")) {
            model.addAttribute("changes", List.of());
        }
        return "catalog/brand";
    }
}
