package dev.onshore.was.notifications.internal;

import dev.onshore.was.accounts.AccountErased;
import dev.onshore.was.accounts.ShopperAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Confirms an account's erasure by mail, once (see {@link MailDelivery}: no transaction is open while the relay is
 * talked to), then has the accounts area forget the address. A mail that fails leaves the address and the event is
 * retried; an event delivered again after the mail went out only forgets the address.
 */
@Component
class AccountMails {

    private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

    private final ShopperAccounts accounts;
    private final MailTexts texts;
    private final MailDelivery delivery;

    AccountMails(ShopperAccounts accounts, MailTexts texts, MailDelivery delivery) {
        this.accounts = accounts;
        this.texts = texts;
        this.delivery = delivery;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    @Async(MailDelivery.EXECUTOR)
    void on(AccountErased erased) {
        var recipient = accounts.erasureRecipient(erased.erasureId()).orElse(null);
        if (recipient == null) {
            log.info("No erasure confirmation for request {}: no address, or sent before", erased.erasureId());
            return;
        }
        var sent = delivery.sendOnce(erased.eventId().toString(), MailKind.ERASED, "-", recipient.email(),
                () -> texts.composeErasure(recipient.language(), erased.ordersAnonymised()));
        accounts.erasureConfirmed(erased.erasureId());
        if (sent) {
            log.info("Sent the erasure confirmation of request {}", erased.erasureId());
        }
    }
}
