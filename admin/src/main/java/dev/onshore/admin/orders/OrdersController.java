package dev.onshore.admin.orders;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import dev.onshore.admin.Access;
import dev.onshore.admin.WasRefusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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
 * Orders for operators: the search with its filters (days in KST), orders ready to ship bundled by recipient and
 * address, and an order's page with its timeline and the moves its state allows. The internal WAS decides; these
 * screens only offer what fits and show its refusals next to the fields they concern.
 */
@Controller
class OrdersController {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");

    /** The operator's zone (their choice, else KST): days are searched and times shown in it. */
    static ZoneId zone() {
        var chosen = LocaleContextHolder.getLocaleContext() instanceof TimeZoneAwareLocaleContext context
                ? context.getTimeZone() : null;
        return chosen == null ? KST : chosen.toZoneId();
    }
    static final List<String> STATUSES = List.of("PLACED", "PAID", "PREPARING", "SHIPPED", "DELIVERED", "CONFIRMED",
            "CANCELLED");
    static final List<String> PAYMENTS = List.of("UNPAID", "PAID", "REFUNDED", "VOID");
    static final List<String> MARKETS = List.of("KR", "US", "ID", "MY", "SG", "CN", "JP", "TH", "VN");
    private static final Set<String> FILTERS = Set.of("market", "status", "payment", "from", "to", "page");
    private static final Set<String> MOVES = Set.of("preparation", "shipment", "delivery", "cancellation", "refunds",
            "return/request", "return/approval", "return/receipt", "exchange/request", "exchange/approval",
            "exchange/receipt", "exchange/shipment");

    private final OrdersApi api;

    OrdersController(OrdersApi api) {
        this.api = api;
    }

    @GetMapping("/orders")
    @PreAuthorize(Access.ORDERS_READ)
    String list(@RequestParam Map<String, String> params, Authentication operator, Model model) {
        model.addAttribute("mayImport", Roles.any(operator, "ADMIN", "ORDER_MANAGER"));
        var criteria = new LinkedHashMap<String, String>();
        params.forEach((name, value) -> {
            if (FILTERS.contains(name)) {
                criteria.put(name, value.strip());
            }
        });
        criteria.put("zone", zone().getId());
        criteria.put("size", "50");
        model.addAttribute("filters", criteria);
        common(model);
        try {
            model.addAttribute("result", api.search(criteria));
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() != 400) {
                throw refused;
            }
            model.addAttribute("errors", fieldErrors(refused));
            model.addAttribute("result", new OrdersApi.Page(List.of(), 0, 50, 0));
        }
        return "orders/list";
    }

    /** Orders ready to ship (PREPARING), one group per recipient and address, so that they leave in one parcel. */
    @GetMapping("/orders/bundles")
    @PreAuthorize(Access.ORDERS_READ)
    String bundles(Model model) {
        var ready = api.search(Map.of("status", "PREPARING", "size", "200")).orders();
        var groups = ready.stream().collect(Collectors.groupingBy(order -> order.market() + "|" + normalized(
                order.shipTo()), LinkedHashMap::new, Collectors.toList()));
        var bundles = new ArrayList<Bundle>();
        groups.values().forEach(orders -> {
            var first = orders.getFirst();
            var region = "KR".equals(first.market()) ? DeliveryRegion.ofKoreanAddress(first.shipTo())
                    : Optional.<DeliveryRegion>empty();
            bundles.add(new Bundle(first.recipient(), first.shipTo(), first.market(), region.orElse(null), orders,
                    orders.stream().mapToInt(OrdersApi.Summary::units).sum()));
        });
        bundles.sort((a, b) -> Integer.compare(b.orders().size(), a.orders().size()));
        model.addAttribute("bundles", bundles);
        common(model);
        return "orders/bundles";
    }

    /** Orders going to the same recipient at the same address. */
    record Bundle(String recipient, String address, String market, @Nullable DeliveryRegion region,
            List<OrdersApi.Summary> orders, int units) {
    }

    @GetMapping("/orders/{number}")
    @PreAuthorize(Access.ORDERS_READ)
    String order(@PathVariable String number, Authentication operator, Model model) {
        OrdersApi.Order order;
        try {
            order = api.order(number);
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == 404) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            throw refused;
        }
        model.addAttribute("order", order);
        boolean mayMove = Roles.any(operator, "ADMIN", "ORDER_MANAGER");
        boolean mayRefund = mayMove || Roles.any(operator, "FINANCE");
        // Only what the operator's roles allow is offered (VIEWER: nothing); the WAS checks the roles again.
        model.addAttribute("moves", moves(order).stream()
                .filter(move -> move.equals("refunds") ? mayRefund : mayMove).toList());
        model.addAttribute("region", "KR".equals(order.market())
                ? DeliveryRegion.ofKoreanAddress(order.shipTo()).orElse(null) : null);
        common(model);
        return "orders/detail";
    }

    @PostMapping("/orders/{number}/{move}")
    @PreAuthorize(Access.ORDERS_WRITE)
    String move(@PathVariable String number, @PathVariable String move, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        return act(number, move, form, redirect);
    }

    @PostMapping("/orders/{number}/return/{step}")
    @PreAuthorize(Access.ORDERS_WRITE)
    String returnStep(@PathVariable String number, @PathVariable String step, RedirectAttributes redirect) {
        return act(number, "return/" + step, Map.of(), redirect);
    }

    /** An exchange's steps; the request and the replacement's shipment carry a form. */
    @PostMapping("/orders/{number}/exchange/{step}")
    @PreAuthorize(Access.ORDERS_WRITE)
    String exchangeStep(@PathVariable String number, @PathVariable String step,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(number, "exchange/" + step, form, redirect);
    }

    /** Refunds are for order managers and finance. */
    @PostMapping("/orders/{number}/refund")
    @PreAuthorize(Access.REFUNDS)
    String refund(@PathVariable String number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(number, "refunds", form, redirect);
    }

    private String act(String number, String move, Map<String, String> form, RedirectAttributes redirect) {
        if (!MOVES.contains(move) || move.equals("refunds") && !form.containsKey("amount")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, ?> body = switch (move) {
            case "shipment", "exchange/shipment" -> Map.of("carrier", form.getOrDefault("carrier", ""),
                    "trackingNumber", form.getOrDefault("trackingNumber", ""));
            case "exchange/request" -> Map.of("sku", form.getOrDefault("sku", ""),
                    "replacementSku", form.getOrDefault("replacementSku", ""),
                    "quantity", quantity(form.getOrDefault("quantity", "")));
            case "cancellation" -> Map.of("reason", form.getOrDefault("reason", ""));
            case "refunds" -> Map.of("amount", amount(form.getOrDefault("amount", "")),
                    "reason", form.getOrDefault("reason", ""));
            default -> null;
        };
        try {
            api.move(number, move, body);
            redirect.addFlashAttribute("notice", "order.done." + move.replace('/', '.'));
        } catch (RestClientResponseException refused) {
            var problem = refused.getResponseBodyAs(ProblemDetail.class);
            redirect.addFlashAttribute("problem", problem == null || problem.getDetail() == null
                    ? refused.getStatusText() : problem.getDetail());
            redirect.addFlashAttribute("errors", fieldErrors(refused));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/orders/" + number;
    }

    /** A number as typed, for the API to judge ("1,000" is read as 1000); text that is none goes as it is. */
    private static Object amount(String typed) {
        var digits = typed.replace(",", "").strip();
        try {
            return new java.math.BigDecimal(digits);
        } catch (NumberFormatException e) {
            return digits.isEmpty() ? "" : typed;
        }
    }

    /** A whole number as typed; anything else goes as 0, which the WAS refuses at its field. */
    private static int quantity(String typed) {
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The moves the order's state allows now; the internal WAS checks again. */
    static List<String> moves(OrdersApi.Order order) {
        var moves = new ArrayList<String>();
        switch (order.status()) {
            case "PLACED" -> moves.add("cancellation");
            case "PAID" -> moves.addAll(List.of("preparation", "cancellation"));
            case "PREPARING" -> moves.addAll(List.of("shipment", "cancellation"));
            case "SHIPPED" -> moves.add("delivery");
            case "DELIVERED" -> {
                if (order.returnStatus() == null && order.exchange() == null) {
                    moves.add("return/request");
                    moves.add("exchange/request");
                }
            }
            default -> {
            }
        }
        if ("REQUESTED".equals(order.returnStatus())) {
            moves.add("return/approval");
        } else if ("APPROVED".equals(order.returnStatus())) {
            moves.add("return/receipt");
        }
        if (order.exchange() != null) {
            switch (order.exchange().status()) {
                case "REQUESTED" -> moves.add("exchange/approval");
                case "APPROVED" -> moves.add("exchange/receipt");
                case "RECEIVED" -> moves.add("exchange/shipment");
                default -> {
                }
            }
        }
        boolean paid = order.history().stream().anyMatch(step -> step.status().equals("PAID"));
        if (paid && order.refunded().amount().compareTo(order.total().amount()) < 0
                && !"CANCELLED".equals(order.status())) {
            moves.add("refunds");
        }
        return moves;
    }

    private static String normalized(String address) {
        return address.lines().map(line -> line.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
                .filter(line -> !line.isEmpty() && !line.startsWith("+")).collect(Collectors.joining("|"));
    }

    /** The WAS's field messages, each naming its field by its label ({@link WasRefusal}). */
    private static Map<String, String> fieldErrors(RestClientResponseException refused) {
        return WasRefusal.of(refused).fields();
    }

    private static void common(Model model) {
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("payments", PAYMENTS);
        model.addAttribute("markets", MARKETS);
    }
}
