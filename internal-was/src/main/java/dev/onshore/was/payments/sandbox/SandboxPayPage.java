package dev.onshore.was.payments.sandbox;

import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sandbox's hosted payment page: the amount, Pay and Fail. Pressing one sends the signed webhook (in the
 * background, as a provider would) and sends the shopper back to the shop. The reference is a signed capability:
 * an unknown, forged or expired one is a 404.
 */
@Controller
class SandboxPayPage {

    private final SandboxGateway gateway;
    private final SandboxWebhookSender sender;

    SandboxPayPage(SandboxGateway gateway, SandboxWebhookSender sender) {
        this.gateway = gateway;
        this.sender = sender;
    }

    @GetMapping("/sandbox-pay/{reference}")
    String show(@PathVariable String reference, Model model, jakarta.servlet.http.HttpServletResponse response) {
        var page = gateway.page(reference).orElse(null);
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        if (page == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("page", null);
            return "sandbox/pay";
        }
        model.addAttribute("page", page);
        model.addAttribute("amount", page.amount().format(page.locale()));
        model.addAttribute("reference", reference);
        return "sandbox/pay";
    }

    @PostMapping("/sandbox-pay/{reference}/pay")
    ResponseEntity<Void> pay(@PathVariable String reference) {
        return complete(reference, true);
    }

    @PostMapping("/sandbox-pay/{reference}/fail")
    ResponseEntity<Void> fail(@PathVariable String reference) {
        return complete(reference, false);
    }

    private ResponseEntity<Void> complete(String reference, boolean paid) {
        var page = gateway.page(reference).orElse(null);
        if (page == null) {
            return ResponseEntity.notFound().build();
        }
        sender.send(gateway.webhook(page, paid));
        URI back = UriComponentsBuilder.fromUri(page.returnUrl()).queryParam("sandbox", paid ? "paid" : "failed")
                .build().toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(back).cacheControl(CacheControl.noStore()).build();
    }
}
