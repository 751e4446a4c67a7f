package dev.onshore.edge.waitingroom;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The waiting room's settings.
 *
 * @param enabled false lets every request through ungated
 * @param dealsUrl internal-was's list of scheduled hot deals
 * @param refresh how often the list is read
 * @param opensBefore how long before a deal's start its pages are gated (tickets are handed out, nobody admitted)
 * @param passKey the HMAC key of tickets and passes, shared by every gateway node; never printed
 * @param passTtl how long a pass is valid after it was handed out
 * @param ticketsPerAddress how many tickets one client address may take per deal (shared NATs need more than one)
 * @param poll how often the waiting page asks for its status
 * @param checkoutHold how long a checkout holds its pass at most (a node that dies mid-checkout never reports back);
 *     above the upstream's response timeout
 */
@Validated
@ConfigurationProperties("onshore.waiting-room")
record WaitingRoomProperties(@DefaultValue("true") boolean enabled, @NotBlank String dealsUrl,
        @DefaultValue("5s") Duration refresh, @DefaultValue("10m") Duration opensBefore,
        @DefaultValue("") String passKey, @DefaultValue("10m") Duration passTtl,
        @DefaultValue("4") @Positive int ticketsPerAddress, @DefaultValue("2s") Duration poll,
        @DefaultValue("2m") Duration checkoutHold) {

    @Override
    public String toString() {
        return "WaitingRoomProperties[enabled=" + enabled + ", dealsUrl=" + dealsUrl + ", refresh=" + refresh
                + ", opensBefore=" + opensBefore + ", passKey=(secret), passTtl=" + passTtl + ", ticketsPerAddress="
                + ticketsPerAddress + ", poll=" + poll + ", checkoutHold=" + checkoutHold + "]";
    }
}
