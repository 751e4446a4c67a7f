package dev.onshore.admin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The operator's start page: the catalog with publish and suspend actions. */
@Controller
class DashboardController {

    private final InternalWas internalWas;

    DashboardController(InternalWas internalWas) {
        this.internalWas = internalWas;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal OidcUser operator, Model model) {
        model.addAttribute("operator", operator.getPreferredUsername());
        model.addAttribute("products", internalWas.products(operator.getPreferredUsername()));
        return "dashboard";
    }

    @PostMapping("/products/{sku}/publish")
    String publish(@PathVariable String sku, @AuthenticationPrincipal OidcUser operator) {
        internalWas.publish(sku, operator.getPreferredUsername());
        return "redirect:/";
    }

    @PostMapping("/products/{sku}/suspend")
    String suspend(@PathVariable String sku, @AuthenticationPrincipal OidcUser operator) {
        internalWas.suspend(sku, operator.getPreferredUsername());
        return "redirect:/";
    }
}
