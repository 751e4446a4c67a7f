package dev.onshore.devstack;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * A real SMTP server (GreenMail) that keeps every message it receives; IMAP lets the demo operator read the
 * mailbox of any recipient (login and password are the recipient address).
 */
public final class EmbeddedSmtp implements AutoCloseable {

    private final GreenMail mail;

    private EmbeddedSmtp(GreenMail mail) {
        this.mail = mail;
    }

    public static EmbeddedSmtp start(int smtpPort, int imapPort) {
        var mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.start();
        return new EmbeddedSmtp(mail);
    }

    /** Every message received so far, oldest first. */
    public List<MimeMessage> received() {
        return List.of(mail.getReceivedMessages());
    }

    /** The recipients that have a mailbox now (GreenMail makes one at a recipient's first message). */
    public List<String> recipients() {
        return mail.getUserManager().listUser().stream().map(GreenMailUser::getEmail).sorted().toList();
    }

    /**
     * Drops all but the {@code keep} newest messages, and the recipients left without any. GreenMail keeps every
     * message in this JVM's heap (which Kafka shares) and finds a recipient's mailbox by a linear scan of them all: a
     * demo that ran a few checkout benchmarks held 30,000 messages in 700 of its 768 MB, and each new recipient made
     * every later mail dearer.
     *
     * @return how many messages were dropped
     */
    public synchronized int keepNewest(int keep) {
        var imap = mail.getManagers().getImapHostManager();
        record Kept(GreenMailUser user, MailFolder inbox, StoredMessage message) {
        }
        var all = new ArrayList<Kept>();
        try {
            for (var user : List.copyOf(mail.getUserManager().listUser())) {
                var inbox = imap.getInbox(user);
                for (var message : inbox.getMessages()) {
                    all.add(new Kept(user, inbox, message));
                }
            }
            if (all.size() <= keep) {
                return 0;
            }
            all.sort(Comparator.comparing((Kept kept) -> kept.message().getReceivedDate())
                    .thenComparing(kept -> kept.message().getUid()));
            var dropped = all.subList(0, all.size() - keep);
            var touched = new HashSet<GreenMailUser>();
            for (var old : dropped) {
                old.inbox().setFlags(new Flags(Flags.Flag.DELETED), true, old.message().getUid(), null, false);
                touched.add(old.user());
            }
            for (var user : touched) {
                var inbox = imap.getInbox(user);
                inbox.expunge();
                if (inbox.getMessageCount() == 0) {
                    mail.getUserManager().deleteUser(user);
                }
            }
            return dropped.size();
        } catch (FolderException e) {
            throw new IllegalStateException("Could not drop old messages: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
