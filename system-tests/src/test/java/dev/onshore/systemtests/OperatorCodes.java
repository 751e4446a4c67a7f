package dev.onshore.systemtests;

import dev.onshore.devstack.Appliance;
import dev.onshore.devstack.Secrets;
import dev.onshore.devstack.Totp;
import java.time.Instant;

/**
 * The demo operator's TOTP codes for the browser tests' logins. Keycloak accepts a code once: a second login in
 * the same 30 s step (two tests of a class, or two classes one after the other) was refused and stayed on the OTP
 * form. Each login here gets a step of its own, waiting for the next one when this run used the current step.
 */
final class OperatorCodes {

    private static long lastStep = -1;

    private OperatorCodes() {
    }

    static synchronized String next(Appliance appliance) {
        var step = Instant.now().getEpochSecond() / 30;
        while (step <= lastStep) {
            try {
                Thread.sleep(Math.max(100, (lastStep + 1) * 30_000 - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the next TOTP step", e);
            }
            step = Instant.now().getEpochSecond() / 30;
        }
        lastStep = step;
        return Totp.code(appliance.secrets().get(Secrets.Name.DEMO_OPERATOR_TOTP_KEY), Instant.ofEpochSecond(step * 30));
    }
}
