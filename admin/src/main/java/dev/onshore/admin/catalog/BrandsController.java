package dev.onshore.admin.catalog;

import dev.onshore.admin.Access;
import dev.onshore.admin.WasRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The brands: every brand the products carry with how many do (in all and published), its logo and the languages it
 * has texts in, a link to those products and one to the brand's page ({@link BrandController}), and for those who may
 * change the catalogue a form to rename a brand on all its products at once (a typo fixed, or
 * two spellings merged into one). A refusal shows the list again with the name typed kept and the WAS's reason in
 * the operator's language; a rename that succeeds redirects back with a notice saying whether brands were merged.
 */
@Controller
class BrandsController {

    private final CatalogApi api;

    BrandsController(CatalogApi api) {
        this.api = api;
    }

    @GetMapping("/brands")
    @PreAuthorize(Access.CATALOG_READ)
    String brands(Model model) {
        return render(model, null, Map.of(), "");
    }

    /** The brand is a request parameter, not a path segment: a brand may hold a slash or a dot. */
    @PostMapping("/brands/rename")
    @PreAuthorize(Access.CATALOG_WRITE)
    String rename(@RequestParam(defaultValue = "") String brand, @RequestParam(defaultValue = "") String name,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var renamed = api.renameBrand(brand, name);
            redirect.addFlashAttribute("notice", renamed.merged() ? "merged" : "renamed");
            redirect.addFlashAttribute("noticeArguments", java.util.Arrays.asList(renamed.from(), renamed.to(),
                    renamed.products()));
            return "redirect:/brands";
        } catch (RestClientResponseException refused) {
            var refusal = WasRefusal.of(refused);
            response.setStatus(refusal.screenStatus());
            model.addAttribute("problem", refusal.detail());
            return render(model, brand, refusal.fields(), name);
        }
    }

    private String render(Model model, @Nullable String failed, Map<String, String> errors, String entered) {
        model.addAttribute("brands", api.brandSummaries());
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "catalog/brands";
    }
}
