package dev.onshore.admin.orders;

import dev.onshore.admin.Access;
import dev.onshore.admin.WasRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Marketplace orders on the Orders screen: upload a channel's export (.xlsx or .csv), see what was imported or every
 * refused row by its number (nothing saved then), download the template, and keep the channels' product codes mapped
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
            model.addAttribute("report", api.importOrders(channel.strip(), name, file.getBytes()));
        } catch (RestClientResponseException refused) {
            var problem = WasRefusal.of(refused);
            response.setStatus(refused.getStatusCode().value() >= 500 ? 502 : refused.getStatusCode().value());
            model.addAttribute("problem", problem.detail());
            model.addAttribute("errors", problem.fields());
            model.addAttribute("rows", rows(refused));
        }
        return page(model);
    }

    @GetMapping("/orders/import/template")
    @PreAuthorize(Access.ORDERS_WRITE)
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "xlsx") String format) {
        var file = api.template(format.toLowerCase(Locale.ROOT).equals("csv") ? "csv" : "xlsx");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, file.disposition()).body(file.bytes());
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

    /** The refused rows of a 422: row number, column and code, as the WAS listed them. */
    private static List<OrdersApi.RowError> rows(RestClientResponseException refused) {
        var rows = new ArrayList<OrdersApi.RowError>();
        ProblemDetail problem;
        try {
            problem = refused.getResponseBodyAs(ProblemDetail.class);
        } catch (RuntimeException unreadable) {
            return rows;
        }
        if (problem != null && problem.getProperties() != null
                && problem.getProperties().get("rows") instanceof List<?> list) {
            for (var entry : list) {
                if (entry instanceof Map<?, ?> row && row.get("row") instanceof Number number) {
                    rows.add(new OrdersApi.RowError(number.intValue(), String.valueOf(row.get("column")),
                            String.valueOf(row.get("code"))));
                }
            }
        }
        return rows;
    }
}
