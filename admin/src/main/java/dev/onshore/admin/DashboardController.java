package dev.onshore.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's start page: the catalog with the approval workflow's actions (submit, approve or reject, publish,
 * suspend) that fit each product's status and the signed-in operator.
 */
@Controller
class DashboardController {

    private final InternalWas internalWas;

    DashboardController(InternalWas internalWas) {
        this.internalWas = internalWas;
    }

    @GetMapping("/")
    @PreAuthorize(Access.ANY_OPERATOR)
    String dashboard(@AuthenticationPrincipal OidcUser operator, Model model) {
        model.addAttribute("operator", operator.getPreferredUsername());
        model.addAttribute("products", internalWas.products(operator.getPreferredUsername()));
        return "dashboard";
    }

    @PostMapping("/products/{sku}/{action}")
    @PreAuthorize(Access.CATALOG_WRITE)
    String act(@PathVariable String sku, @PathVariable String action,
            @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal OidcUser operator,
            RedirectAttributes redirect) {
        var name = operator.getPreferredUsername();
        try {
            switch (action) {
                case "submit" -> internalWas.submit(sku, name);
                case "approve" -> internalWas.approve(sku, name);
                case "reject" -> internalWas.reject(sku, name, reason);
                case "publish" -> internalWas.publish(sku, name);
                case "suspend" -> internalWas.suspend(sku, name);
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("notice", sku + ": " + action + " done");
        } catch (RestClientResponseException refused) {
            // The WAS's problem detail says why (four eyes, wrong status, missing reason): show it, not a 500 page.
            var problem = refused.getResponseBodyAs(ProblemDetail.class);
            redirect.addFlashAttribute("problem", sku + ": " + (problem == null || problem.getDetail() == null
                    ? refused.getStatusText() : problem.getDetail()));
        }
        return "redirect:/";
    }
}
