package dev.onshore.admin;

/**
 * Who may use what, as {@code @PreAuthorize} expressions over the operators realm's roles (authorities
 * {@code ROLE_<NAME>}, see {@link OperatorRoles}). ADMIN may everything; VIEWER reads everything but the audit log, the
 * sign-in history and customers' personal data; any change needs a role other than VIEWER. internal-was checks the
 * same roles again on its admin API.
 */
public final class Access {

    /** Any signed-in operator with at least one role. */
    public static final String ANY_OPERATOR =
            "hasAnyRole('ADMIN','CATALOG_MANAGER','ORDER_MANAGER','CONTENT_MANAGER','FINANCE','VIEWER')";

    /** Products, categories, brands, product import/export. */
    public static final String CATALOG_READ = "hasAnyRole('ADMIN','CATALOG_MANAGER','VIEWER')";
    public static final String CATALOG_WRITE = "hasAnyRole('ADMIN','CATALOG_MANAGER')";

    /** Orders, claims, shipments, order import. FINANCE reads orders for refunds. */
    public static final String ORDERS_READ = "hasAnyRole('ADMIN','ORDER_MANAGER','FINANCE','VIEWER')";
    public static final String ORDERS_WRITE = "hasAnyRole('ADMIN','ORDER_MANAGER')";

    /** Refunds: the order desk and finance. */
    public static final String REFUNDS = "hasAnyRole('ADMIN','ORDER_MANAGER','FINANCE')";

    /** Customers: personal data, so never VIEWER. */
    public static final String CUSTOMERS_READ = "hasAnyRole('ADMIN','ORDER_MANAGER')";
    public static final String CUSTOMERS_WRITE = "hasAnyRole('ADMIN','ORDER_MANAGER')";

    /** CMS, coupons, hot deals. */
    public static final String CONTENT_READ = "hasAnyRole('ADMIN','CONTENT_MANAGER','VIEWER')";
    public static final String CONTENT_WRITE = "hasAnyRole('ADMIN','CONTENT_MANAGER')";

    /** Coupons are money off: finance reads them too; changing them is {@link #CONTENT_WRITE}. */
    public static final String COUPONS_READ = "hasAnyRole('ADMIN','CONTENT_MANAGER','FINANCE','VIEWER')";

    /** Exchange rates and statistics. */
    public static final String FINANCE_READ = "hasAnyRole('ADMIN','FINANCE','VIEWER')";
    public static final String FINANCE_WRITE = "hasAnyRole('ADMIN','FINANCE')";

    /**
     * The scheduled jobs' runs: ADMIN, VIEWER and FINANCE (a run holds a job's name, times and error, nothing
     * personal; a scheduled exchange-rate import would be finance's to watch).
     */
    public static final String JOBS_READ = "hasAnyRole('ADMIN','FINANCE','VIEWER')";

    /** The audit log and the sign-in history. */
    public static final String AUDIT = "hasRole('ADMIN')";

    /** The demo mailbox: shoppers' mails, hence personal data. */
    public static final String MAILBOX = "hasAnyRole('ADMIN','ORDER_MANAGER')";

    private Access() {
    }
}
