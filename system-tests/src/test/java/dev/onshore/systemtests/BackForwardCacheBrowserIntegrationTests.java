package dev.onshore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.devstack.Appliance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

/**
 * An anonymous shopper goes from a catalogue page (home, category, search, product) to another and back, in
 * Chromium through the gateway: the page comes back from the back/forward cache, the very document left, instead of
 * being fetched again (issue 14; {@code Cache-Control: no-store} would bar it). When it does not, the test prints
 * Chromium's reasons ({@code notRestoredReasons} of the navigation).
 */
@ExtendWith(RunningAppliance.class)
class BackForwardCacheBrowserIntegrationTests {

    private static Appliance appliance;

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.indonesianShopper();

    @BeforeAll
    static void openBrowser() {
        appliance = RunningAppliance.appliance();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/id-id/", "/id-id/c/health.vitamins", "/id-id/search?q=vitamin",
            "/id-id/p/HS-VITC-1000"})
    void aCataloguePageComesBackFromTheBackForwardCache(String page) {
        var js = (JavascriptExecutor) browser;
        browser.get(appliance.storefrontUrl() + page);
        // A mark on this document: only the same document, restored from the cache, still has it after "back".
        js.executeScript("window.onshoreLeftAt = arguments[0];", page);
        browser.get(appliance.storefrontUrl() + "/id-id/c/health");
        browser.navigate().back();

        var kept = js.executeScript("return window.onshoreLeftAt || null;");
        var reasons = js.executeScript("""
                const entry = performance.getEntriesByType('navigation')[0];
                const reasons = entry && entry.notRestoredReasons;
                if (!reasons) return 'none reported (' + (entry ? entry.type : 'no entry') + ')';
                const all = [];
                const walk = r => { (r.reasons || []).forEach(x => all.push(x.reason || String(x)));
                                    (r.children || []).forEach(walk); };
                walk(reasons);
                return all.join(', ');
                """);
        assertThat(browser.getCurrentUrl()).endsWith(page);
        assertThat(kept).as("%s restored from the back/forward cache; Chromium's reasons if not: %s", page, reasons)
                .isEqualTo(page);
    }
}
