package dev.onshore.admin.catalog;

import dev.onshore.admin.Access;
import dev.onshore.admin.WasRefusal;
import dev.onshore.admin.catalog.CatalogApi.CategoryNode;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The category tree: every category with its names in the storefront's languages, and for those who may change the
 * catalogue a form to add a sub-category, rename, move up or down, or delete. Renames and moves carry the
 * category's {@code version}; the internal WAS refuses a stale one, and the page is shown again with the current
 * tree and a message saying so. A change that succeeds redirects back with a notice.
 */
@Controller
class CategoriesController {

    private final CatalogApi api;

    CategoriesController(CatalogApi api) {
        this.api = api;
    }

    @GetMapping("/categories")
    @PreAuthorize(Access.CATALOG_READ)
    String tree(Model model) {
        return render(model, null, Map.of(), Map.of());
    }

    @PostMapping("/categories")
    @PreAuthorize(Access.CATALOG_WRITE)
    String add(@RequestParam(defaultValue = "") String parent, @RequestParam(defaultValue = "") String slug,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return change("added", "add:" + parent.strip(), parent.strip(), form, model, response, redirect,
                () -> api.addCategory(parent.isBlank() ? null : parent, slug.strip(), names(form)));
    }

    @PostMapping("/categories/{code}/rename")
    @PreAuthorize(Access.CATALOG_WRITE)
    String rename(@PathVariable String code, @RequestParam(defaultValue = "-1") long version,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return change("saved", "rename:" + code, code, form, model, response, redirect,
                () -> api.changeCategory(code, version, names(form), null));
    }

    /** One place up or down among its siblings ({@code direction} up or down, from the {@code position} shown). */
    @PostMapping("/categories/{code}/move")
    @PreAuthorize(Access.CATALOG_WRITE)
    String move(@PathVariable String code, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "1") int position, @RequestParam(defaultValue = "down") String direction,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var to = Math.max(1, "up".equals(direction) ? position - 1 : position + 1);
        return change("moved", "move:" + code, code, form, model, response, redirect,
                () -> api.changeCategory(code, version, null, to));
    }

    @PostMapping("/categories/{code}/delete")
    @PreAuthorize(Access.CATALOG_WRITE)
    String delete(@PathVariable String code, @RequestParam(defaultValue = "-1") long version,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return change("deleted", "delete:" + code, code, form, model, response, redirect,
                () -> api.deleteCategory(code, version));
    }

    /** The names typed, {@code name.<language>} per storefront language; the WAS leaves out the blank ones. */
    private static Map<String, String> names(Map<String, String> form) {
        var names = new LinkedHashMap<String, String>();
        for (var language : ProductsController.LANGUAGES) {
            names.put(language, form.getOrDefault("name." + language, "").strip());
        }
        return names;
    }

    interface Change {
        void apply();
    }

    /**
     * Applies the change; on success redirects to the tree with a notice, on a refusal shows the tree as it is now
     * with what the operator typed kept in the form that {@code failed} names ({@code rename:<code>},
     * {@code add:<parent>}, {@code add:} at the top) and the reason: a
     * stale version or a category in use in the admin's own words, anything else as the WAS's detail and its field
     * messages.
     */
    private String change(String notice, String failed, String code, Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Change change) {
        try {
            change.apply();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/categories";
        } catch (RestClientResponseException refused) {
            var refusal = WasRefusal.of(refused);
            response.setStatus(refusal.screenStatus());
            var tree = api.categories();
            model.addAttribute("tree", tree);
            if (refusal.type().endsWith("/stale-category")) {
                model.addAttribute("problemKey", "catalog.categories.stale");
                model.addAttribute("problemArguments", List.of(code));
            } else if (refusal.type().endsWith("/category-in-use")) {
                var node = find(tree, code);
                model.addAttribute("problemKey", "catalog.categories.inUse");
                model.addAttribute("problemArguments", List.of(code, node.map(CategoryNode::products).orElse(0L),
                        node.map(n -> n.children().size()).orElse(0)));
            } else {
                model.addAttribute("problem", refusal.detail());
            }
            return render(model, failed, refusal.fields(), form);
        }
    }

    private String render(Model model, @Nullable String failed, Map<String, String> errors,
            Map<String, String> entered) {
        if (!model.containsAttribute("tree")) {
            model.addAttribute("tree", api.categories());
        }
        model.addAttribute("languages", ProductsController.LANGUAGES);
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "catalog/categories";
    }

    private static Optional<CategoryNode> find(List<CategoryNode> nodes, String code) {
        for (var node : nodes) {
            if (node.code().equals(code)) {
                return Optional.of(node);
            }
            var found = find(node.children(), code);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
