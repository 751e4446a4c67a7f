package dev.onshore.was.dashboard;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.hotdeals.HotDealScheduling;
import dev.onshore.was.hotdeals.HotDealView;
import dev.onshore.was.inventory.StockAlerts;
import dev.onshore.was.jobs.JobRuns;
import dev.onshore.was.orders.SalesFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the operators' start page shows, for every role. */
@RestController
@EnableConfigurationProperties(DashboardProperties.class)
@AdminAccess({OperatorRole.CATALOG_MANAGER, OperatorRole.ORDER_MANAGER, OperatorRole.CONTENT_MANAGER,
        OperatorRole.FINANCE})
class DashboardAdminController {

    /**
     * The dashboard.
     *
     * @param batchJobs the failed runs of batch jobs in the week up to {@code to}, newest first, at most
     *     five
     */
    record Dashboard(Instant from, Instant to, List<SalesFigures.Sales> sales, int lowStockThreshold,
            List<StockAlerts.LowStock> lowStock, List<HotDealView> hotDeals, List<JobRuns.JobRun> batchJobs) {
    }

    static final int FAILURES = 5;

    private final SalesFigures sales;
    private final StockAlerts stock;
    private final HotDealScheduling hotDeals;
    private final DashboardProperties properties;
    private final JobRuns jobs;

    DashboardAdminController(SalesFigures sales, StockAlerts stock, HotDealScheduling hotDeals,
            DashboardProperties properties, JobRuns jobs) {
        this.jobs = jobs;
        this.sales = sales;
        this.stock = stock;
        this.hotDeals = hotDeals;
        this.properties = properties;
    }

    /** Sales placed in {@code [from, to)} (the admin app sends the operator's day), at most 31 days. */
    @GetMapping("/api/admin/dashboard")
    Dashboard dashboard(@RequestParam Instant from, @RequestParam Instant to) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(Duration.ofDays(31)) > 0) {
            throw new InvalidInputException("to", "range");
        }
        return new Dashboard(from, to, sales.between(from, to), properties.lowStockThreshold(),
                stock.atMost(properties.lowStockThreshold(), properties.maxAlerts()), hotDeals.upcoming(),
                jobs.failuresSince(to.minus(Duration.ofDays(7)), FAILURES));
    }
}
