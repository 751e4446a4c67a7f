package dev.onshore.admin;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where operators may use the admin from.
 *
 * @param operatorNetworks CIDRs of the operators' office and VPN; any other address gets 403
 */
@Validated
@ConfigurationProperties("onshore.admin")
record OperatorNetworkProperties(@DefaultValue({"127.0.0.0/8", "::1/128"}) @NotEmpty List<String> operatorNetworks) {
}
