package dev.onshore.was.cms.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.AdminProblems;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.cms.ItemContent;
import dev.onshore.was.cms.PageTemplate;
import dev.onshore.was.cms.ResolvedPage;
import dev.onshore.was.cms.SiteContent;
import java.net.URI;
import dev.onshore.i18n.market.Markets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The CMS admin API: for the admin app (operators realm, service token) only, never routed by the gateway. */
@RestController
@AdminAccess(OperatorRole.CONTENT_MANAGER)
@RequestMapping("/api/admin/cms/sites/{market}/pages/{page}")
class CmsAdminController {

    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final SiteContent content;
    private final AdminProblems problems;
    private final Markets markets;
    private final Clock clock;

    CmsAdminController(SiteContent content, AdminProblems problems, Markets markets, Clock clock) {
        this.content = content;
        this.problems = problems;
        this.markets = markets;
        this.clock = clock;
    }

    /**
     * The page as shoppers reading {@code language} will see it at {@code at}, a wall-clock time in the market's
     * zone (now when absent): its corners with their resolved items, highest priority first.
     */
    @GetMapping("/preview")
    ResponseEntity<ResolvedPage> preview(@PathVariable String market, @PathVariable String page,
            @RequestParam String language,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime at) {
        if (!MARKET.matcher(market).matches() || !LANGUAGE.matcher(language).matches()) {
            return ResponseEntity.notFound().build();
        }
        var zone = markets.find(market).map(m -> m.zone()).orElse(ZoneId.of("UTC"));
        var instant = at == null ? clock.instant() : at.atZone(zone).toInstant();
        return ResponseEntity.of(content.resolve(market, language, page, instant));
    }

    /** What an operator schedules: times are wall-clock times in the market's zone; null means open-ended. */
    record NewItem(String corner, String language, int priority, @Nullable LocalDateTime startsAt,
            @Nullable LocalDateTime endsAt, ItemContent content) {
    }

    @PostMapping("/items")
    ResponseEntity<Map<String, UUID>> schedule(@PathVariable String market, @PathVariable String page,
            @RequestBody NewItem item) {
        var id = content.schedule(market, page, PageTemplate.HOME, item.corner(), item.language(), item.priority(),
                item.startsAt(), item.endsAt(), item.content());
        return ResponseEntity.created(URI.create("/api/admin/cms/sites/" + market + "/pages/" + page + "/items/" + id))
                .body(Map.of("id", id));
    }

    @DeleteMapping("/items/{id}")
    ResponseEntity<Void> withdraw(@PathVariable String market, @PathVariable String page, @PathVariable UUID id) {
        return content.withdraw(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidItem(IllegalArgumentException e, Locale locale) {
        return problems.problem(HttpStatus.BAD_REQUEST, "invalid-cms-item", locale);
    }
}
