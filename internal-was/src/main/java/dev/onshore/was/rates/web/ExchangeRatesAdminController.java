package dev.onshore.was.rates.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.i18n.rates.ExchangeRate;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.OperatorHeader;
import dev.onshore.was.rates.ExchangeRateDesk;
import dev.onshore.was.rates.RateInForce;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exchange rates for operators (admin API): what is in force, history, ECB import and overrides with a reason. */
@RestController
@AdminAccess(OperatorRole.FINANCE)
@RequestMapping("/api/admin/exchange-rates")
class ExchangeRatesAdminController {

    /** The ECB's full history since 1999 is about 6 MB; anything much larger is not a rate file. */
    static final DataSize MAX_IMPORT = DataSize.ofMegabytes(16);

    private final ExchangeRateDesk desk;

    ExchangeRatesAdminController(ExchangeRateDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    List<RateInForce> inForce() {
        return desk.inForce();
    }

    @GetMapping("/{quote}/history")
    List<ExchangeRate> history(@PathVariable String quote) {
        return desk.history(quote(quote).orElseThrow(() -> new InvalidInputException("quote", "unknown")));
    }

    /** Imports an ECB reference-rate file sent as the body ({@code application/xml}); all or nothing. */
    @PostMapping(path = "/ecb", consumes = {"application/xml", "text/xml"})
    List<ExchangeRate> importEcb(HttpServletRequest request,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator)
            throws IOException {
        var by = OperatorHeader.require(operator);
        // Read at most the limit plus one byte, whatever Content-Length claims.
        var body = request.getInputStream().readNBytes((int) MAX_IMPORT.toBytes() + 1);
        if (body.length > MAX_IMPORT.toBytes()) {
            throw new InvalidInputException("file", "tooLarge");
        }
        return desk.importEcb(new ByteArrayInputStream(body), by);
    }

    /** An operator's rate: {@code {"rate": 11.6, "reason": "..."}}; quote units per base unit. */
    record Override(@Nullable BigDecimal rate, @Nullable String reason) {
    }

    @PutMapping("/{quote}")
    ExchangeRate override(@PathVariable String quote, @RequestBody Override body,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator) {
        var by = OperatorHeader.require(operator);
        var problems = new ArrayList<InvalidInputException.Problem>();
        var currency = quote(quote).orElse(null);
        if (currency == null) {
            problems.add(new InvalidInputException.Problem("quote", "unknown"));
        }
        if (body.rate() == null) {
            problems.add(new InvalidInputException.Problem("rate", "required"));
        } else if (body.rate().signum() <= 0 || body.rate().precision() - body.rate().scale() > 16) {
            problems.add(new InvalidInputException.Problem("rate", "positive"));
        }
        var reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) {
            problems.add(new InvalidInputException.Problem("reason", "required"));
        } else if (reason.length() > 500) {
            problems.add(new InvalidInputException.Problem("reason", "tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return desk.override(Objects.requireNonNull(currency), Objects.requireNonNull(body.rate()), reason, by);
    }

    /** The quote currency named by {@code code}; empty when it is no ISO currency or it is the base. */
    private Optional<Currency> quote(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code)).filter(currency -> !currency.equals(desk.base()));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
