package dev.onshore.admin.orders;

import dev.onshore.admin.Access;
import dev.onshore.admin.BackgroundImport;
import dev.onshore.admin.WasFile;
import dev.onshore.admin.WasRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Marketplace orders on the Orders screen: upload a channel's export (.xlsx or .csv); the WAS imports it in the
 * background and the status page follows it (rows done of total), then shows what was imported or every refused row
 * by its number (nothing saved then), download the template, and keep the channels' product codes mapped
 * to our SKUs. For order managers (and ADMIN); the internal WAS checks the roles again and decides everything.
 */
@Controller
class MarketplaceImportController {

    private final OrdersApi api;

    MarketplaceImportController(OrdersApi api) {
        this.api = api;
    }

    @GetMapping("/orders/import")
    @PreAuthorize(Access.ORDERS_WRITE)
    String form(Model model) {
        return page(model);
    }

    @PostMapping("/orders/import")
    @PreAuthorize(Access.ORDERS_WRITE)
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String channel, Model model, HttpServletResponse response)
            throws IOException {
        // Optional so that the role check, not the multipart parser, answers a caller who may not import.
        model.addAttribute("channel", channel);
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("problemKey", "orders.import.empty");
            return page(model);
        }
        var name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        try {
            return "redirect:/orders/import/" + api.startImport(channel.strip(), name, file.getBytes()).id();
        } catch (RestClientResponseException refused) {
            var problem = WasRefusal.of(refused);
            response.setStatus(problem.screenStatus());
            model.addAttribute("problem", problem.detail());
            model.addAttribute("errors", problem.fields());
        }
        return page(model);
    }

    /** The import's progress, then what it imported or every refused row; polls while it runs. */
    @GetMapping("/orders/import/{id}")
    @PreAuthorize(Access.ORDERS_WRITE)
    String status(@PathVariable String id, Model model) {
        model.addAttribute("job", job(id));
        return "orders/import-status";
    }

    /** For the status page's polling. */
    @GetMapping(path = "/orders/import/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Access.ORDERS_WRITE)
    @ResponseBody
    OrdersApi.ImportJob statusJson(@PathVariable String id) {
        return job(id);
    }

    /** The job, or 404 for anything that cannot be a job's id or that the WAS does not know. */
    private OrdersApi.ImportJob job(String id) {
        try {
            return api.importStatus(BackgroundImport.requireId(id));
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == 404) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            throw refused;
        }
    }

    @GetMapping("/orders/import/template")
    @PreAuthorize(Access.ORDERS_WRITE)
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "xlsx") String format) {
        return api.template(WasFile.spreadsheetFormat(format)).download();
    }

    @PostMapping("/orders/import/codes")
    @PreAuthorize(Access.ORDERS_WRITE)
    String map(@RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String sku, RedirectAttributes redirect) {
        try {
            api.mapProductCode(channel.strip().toLowerCase(Locale.ROOT), code.strip(), sku.strip());
            redirect.addFlashAttribute("notice", "orders.import.codes.saved");
        } catch (RestClientResponseException refused) {
            var problem = WasRefusal.of(refused);
            redirect.addFlashAttribute("codeProblem", problem.detail());
            redirect.addFlashAttribute("codeErrors", problem.fields());
            redirect.addFlashAttribute("codeForm", Map.of("channel", channel, "code", code, "sku", sku));
        }
        return "redirect:/orders/import";
    }

    @PostMapping("/orders/import/codes/delete")
    @PreAuthorize(Access.ORDERS_WRITE)
    String unmap(@RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String code,
            RedirectAttributes redirect) {
        // Optional parameters so that the role check, not the binder, answers a caller who may not change them.
        if (channel.isBlank() || code.isBlank()) {
            return "redirect:/orders/import";
        }
        try {
            api.unmapProductCode(channel, code);
            redirect.addFlashAttribute("notice", "orders.import.codes.removed");
        } catch (RestClientResponseException refused) {
            redirect.addFlashAttribute("codeProblem", WasRefusal.of(refused).detail());
        }
        return "redirect:/orders/import";
    }

    private String page(Model model) {
        model.addAttribute("codes", api.productCodes());
        return "orders/import";
    }
}
