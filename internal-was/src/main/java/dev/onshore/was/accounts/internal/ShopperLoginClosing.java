package dev.onshore.was.accounts.internal;

import dev.onshore.was.accounts.AccountErased;
import dev.onshore.was.accounts.realm.ShopperRealmUsers;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Closes an erased shopper's login: after the erasure's transaction committed, the shoppers realm's user is deleted
 * and the erasure marked done ({@code identity_done_at}). A Keycloak outage does not undo or fail the erasure: the
 * listener throws, its event publication is marked failed and delivered again by the application's EventRetries until
 * Keycloak answers.
 */
@Component
class ShopperLoginClosing {

    private static final Logger log = LoggerFactory.getLogger(ShopperLoginClosing.class);

    private final Erasures erasures;
    private final ShopperRealmUsers realm;
    private final Clock clock;

    ShopperLoginClosing(Erasures erasures, ShopperRealmUsers realm, Clock clock) {
        this.erasures = erasures;
        this.realm = realm;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AccountErased erased) {
        var subject = erasures.pendingSubject(erased.erasureId());
        if (subject.isEmpty()) {
            return; // done by an earlier delivery or by an operator
        }
        if (!realm.configured()) {
            log.warn("Account erasure {}: no client secret for the shoppers realm "
                    + "(onshore.accounts.shopper-realm.client-secret); an operator must delete the user",
                    erased.erasureId());
            return;
        }
        realm.delete(subject.get());
        erasures.identityDone(erased.erasureId(), clock.instant());
        log.info("Account erasure {}: the shoppers realm user was deleted", erased.erasureId());
    }
}
