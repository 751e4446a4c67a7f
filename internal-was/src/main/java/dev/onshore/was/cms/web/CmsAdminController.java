package dev.onshore.was.cms.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.AdminProblems;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.cms.ItemContent;
import dev.onshore.was.cms.PageTemplate;
import dev.onshore.was.cms.ResolvedPage;
import dev.onshore.was.cms.SiteContent;
import dev.onshore.was.cms.StalePageException;
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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

        /** Refuses (as an invalid item, 400) what JSON left out: a corner, a language, the content. */
        NewItem {
            if (corner == null || language == null || content == null) {
                throw new IllegalArgumentException("An item names its corner, language and content");
            }
        }
    }

    @PostMapping("/items")
    ResponseEntity<Map<String, UUID>> schedule(@PathVariable String market, @PathVariable String page,
            @RequestBody NewItem item) {
        var id = content.schedule(market, page, PageTemplate.HOME, item.corner(), item.language(), item.priority(),
                item.startsAt(), item.endsAt(), item.content());
        return ResponseEntity.created(URI.create("/api/admin/cms/sites/" + market + "/pages/" + page + "/items/" + id))
                .body(Map.of("id", id));
    }

    /**
     * Replaces an item (it gets a new id, answered as {@code id}) on the page {@code version} the operator saw: 409
     * {@code stale-cms-page} when the page changed since, 404 for an unknown item.
     */
    @PutMapping("/items/{id}")
    ResponseEntity<Map<String, UUID>> reschedule(@PathVariable String market, @PathVariable String page,
            @PathVariable UUID id, @RequestParam long version, @RequestBody NewItem item) {
        var current = content.contents(market, page).orElse(null);
        if (current == null || current.items().stream().noneMatch(scheduled -> scheduled.id().equals(id))) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.of(content.reschedule(id, version, item.corner(), item.language(), item.priority(),
                item.startsAt(), item.endsAt(), item.content()).map(newId -> Map.of("id", newId)));
    }

    @DeleteMapping("/items/{id}")
    ResponseEntity<Void> withdraw(@PathVariable String market, @PathVariable String page, @PathVariable UUID id) {
        return content.withdraw(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** A stale version, or two edits of the same version racing (the second to commit loses). */
    @ExceptionHandler({StalePageException.class, OptimisticLockingFailureException.class})
    ProblemDetail stalePage(RuntimeException e, Locale locale) {
        return problems.problem(HttpStatus.CONFLICT, "stale-cms-page", locale);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidItem(IllegalArgumentException e, Locale locale) {
        return problems.problem(HttpStatus.BAD_REQUEST, "invalid-cms-item", locale);
    }
}
