package dev.onshore.systemtests;

import dev.onshore.devstack.Appliance;
import dev.onshore.devstack.Secrets;
import dev.onshore.devstack.Totp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo operators' TOTP codes for the browser tests' logins. Keycloak accepts a code once per user (it remembers
 * the user's credential and the code until the code's window has passed): a second login of the same user in the
 * same 30 s step was refused and stayed on the OTP form. The operators realm accepts the steps either side of the
 * current one ({@code otpPolicyLookAheadWindow: 1}), so a login here gets the current step or, when this run has
 * used it for that user, the next one (valid from now until the end of the step after it); only a third login of
 * the same user within one step waits for the next step.
 */
final class OperatorCodes {

    private static final long STEP_SECONDS = 30;

    /** The newest step whose code this run gave each user. */
    private static final Map<String, Long> lastStep = new HashMap<>();

    private OperatorCodes() {
    }

    static synchronized String next(Appliance appliance, String username) {
        var step = step(username);
        lastStep.put(username, step);
        return Totp.code(appliance.secrets().get(Secrets.Name.DEMO_OPERATOR_TOTP_KEY),
                Instant.ofEpochSecond(step * STEP_SECONDS));
    }

    /** The step to use: the current one, else the next one, else (both used) the next one after waiting a step. */
    private static long step(String username) {
        while (true) {
            var current = Instant.now().getEpochSecond() / STEP_SECONDS;
            var used = lastStep.getOrDefault(username, Long.MIN_VALUE);
            if (used < current) {
                return current;
            }
            if (used == current) {
                return current + 1;
            }
            try {
                Thread.sleep(Math.max(100, used * STEP_SECONDS * 1000 - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the next TOTP step", e);
            }
        }
    }
}
