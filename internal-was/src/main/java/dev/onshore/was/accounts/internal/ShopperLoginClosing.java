package dev.onshore.was.accounts.internal;

import dev.onshore.was.accounts.AccountErased;
import dev.onshore.was.accounts.realm.ShopperRealmUsers;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes an erased shopper's login: after the erasure's transaction committed, the shoppers realm's user is deleted
 * and the erasure marked done ({@code identity_done_at}). A Keycloak outage does not undo or fail the erasure: the
 * listener throws, its event publication is marked failed and delivered again by the application's EventRetries until
 * Keycloak answers.
 * <p>
 * The listener runs without a transaction of its own, so that no pool connection waits on Keycloak (its token and
 * its delete): the pending erasure is read in one short transaction, the user deleted, the erasure marked done in
 * another.
 * A node that dies between the delete and the mark leaves the erasure pending; the event's next delivery deletes
 * again, which Keycloak answers with a 404 that counts as deleted, and marks it done.
 */
@Component
class ShopperLoginClosing {

    private static final Logger log = LoggerFactory.getLogger(ShopperLoginClosing.class);

    private final Erasures erasures;
    private final ShopperRealmUsers realm;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ShopperLoginClosing(Erasures erasures, ShopperRealmUsers realm, Clock clock, TransactionTemplate transactions) {
        this.erasures = erasures;
        this.realm = realm;
        this.clock = clock;
        this.transactions = transactions;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AccountErased erased) {
        // Each in a short transaction: outside one, the listener's transaction-less scope would keep the connection of
        // its first query until it returns, i.e. while Keycloak is talked to.
        var subject = transactions.execute(status -> erasures.pendingSubject(erased.erasureId()));
        if (subject == null || subject.isEmpty()) {
            return; // done by an earlier delivery or by an operator
        }
        if (!realm.configured()) {
            log.warn("Account erasure {}: no client secret for the shoppers realm "
                    + "(onshore.accounts.shopper-realm.client-secret); an operator must delete the user",
                    erased.erasureId());
            return;
        }
        realm.delete(subject.get());
        transactions.executeWithoutResult(status -> erasures.identityDone(erased.erasureId(), clock.instant()));
        log.info("Account erasure {}: the shoppers realm user was deleted", erased.erasureId());
    }
}
