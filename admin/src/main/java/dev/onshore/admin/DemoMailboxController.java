package dev.onshore.admin;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo's mailbox: every mail the appliance sent (order confirmations, Keycloak's verification mails), read from
 * the demo SMTP server. Absent in production, where {@code onshore.admin.demo-mailbox-url} is empty.
 */
@Controller
class DemoMailboxController {

    /** One received message. */
    record Mail(String from, String to, String subject, String sentAt, String text) {
    }

    private final String url;
    private final String token;
    private final RestClient http;

    /** @param token proves to the demo mailbox that a signed-in operator asks (it answers nobody else) */
    DemoMailboxController(@Value("${onshore.admin.demo-mailbox-url:}") String url,
            @Value("${onshore.admin.demo-mailbox-token:}") String token, RestClient.Builder builder) {
        this.url = url;
        this.token = token;
        this.http = builder.build();
    }

    @GetMapping("/mailbox")
    @PreAuthorize(Access.MAILBOX)
    String mailbox(Model model) {
        if (url.isBlank()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var mails = http.get().uri(url).header("Authorization", "Bearer " + token).retrieve().body(Mail[].class);
        model.addAttribute("mails", mails == null ? List.of() : List.of(mails));
        return "mailbox";
    }
}
