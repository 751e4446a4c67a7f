package dev.onshore.was.notifications.internal;

import dev.onshore.was.accounts.AccountErased;
import dev.onshore.was.accounts.ShopperAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Confirms an account's erasure by mail, once: the event is claimed in the sent-mail ledger, and the address is
 * forgotten by the accounts area in the same transaction once the mail is out (a mail that fails rolls both back
 * and the event is retried).
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

    @ApplicationModuleListener
    void on(AccountErased erased) {
        var recipient = accounts.erasureRecipient(erased.erasureId()).orElse(null);
        if (recipient == null) {
            log.info("No erasure confirmation for request {}: no address, or sent before", erased.erasureId());
            return;
        }
        if (!delivery.sendOnce(erased.eventId().toString(), MailKind.ERASED, "-", recipient.email(),
                () -> texts.composeErasure(recipient.language(), erased.ordersAnonymised()))) {
            return;
        }
        accounts.erasureConfirmed(erased.erasureId());
        log.info("Sent the erasure confirmation of request {}", erased.erasureId());
    }
}
