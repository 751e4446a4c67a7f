package dev.onshore.was.cms.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.cms.PageContents;
import dev.onshore.was.cms.SiteContent;
import dev.onshore.was.cms.SiteSummary;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the admin app's CMS screens read besides a preview: the sites per market, and a page's items as scheduled
 * (every language and window; HTML as stored, that is sanitized).
 */
@RestController
@AdminAccess(OperatorRole.CONTENT_MANAGER)
class CmsSitesAdminController {

    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");

    private final SiteContent content;

    CmsSitesAdminController(SiteContent content) {
        this.content = content;
    }

    @GetMapping("/api/admin/cms/sites")
    List<SiteSummary> sites() {
        return content.sites();
    }

    /** 404 when the market has no such page (yet: its first item creates it). */
    @GetMapping("/api/admin/cms/sites/{market}/pages/{page}")
    ResponseEntity<PageContents> page(@PathVariable String market, @PathVariable String page) {
        if (!MARKET.matcher(market).matches()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.of(content.contents(market, page));
    }
}
