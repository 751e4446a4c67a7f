package dev.onshore.was;

/**
 * The buying application as shoppers' accounts tests use it; the PII key file they need is every shop test's now
 * ({@link TestPiiKeys}).
 */
public abstract class AccountTestSupport extends ShopTestSupport {
}
