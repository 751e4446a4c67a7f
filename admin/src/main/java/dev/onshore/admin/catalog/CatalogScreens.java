package dev.onshore.admin.catalog;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the catalogue screens show only to operators who may change the catalogue (buttons, forms). */
@ControllerAdvice(assignableTypes = {ProductsController.class, ProductImportController.class,
        CategoriesController.class, BrandsController.class, BrandController.class})
class CatalogScreens {

    /** ADMIN or CATALOG_MANAGER; the methods' {@code @PreAuthorize} enforces it, this only hides what would fail. */
    @ModelAttribute("canWrite")
    boolean canWrite() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream().anyMatch(authority ->
                authority.getAuthority().equals("ROLE_ADMIN") || authority.getAuthority().equals("ROLE_CATALOG_MANAGER"));
    }
}
