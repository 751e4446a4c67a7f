package dev.onshore.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
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

    @Override
    public void close() {
        mail.stop();
    }
}
