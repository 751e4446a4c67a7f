package dev.onshore.i18n.geoip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Parses client IP literals without ever touching DNS, and tells public addresses from the ones no GeoIP answer
 * should be trusted for (RFC 6890 special-purpose ranges).
 */
final class PublicAddresses {

    private static final int MAX_LITERAL = 64;

    private PublicAddresses() {
    }

    /** Empty for null, blank, over-long, host names or malformed literals; never throws. */
    static Optional<InetAddress> parse(@Nullable String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        String text = literal.strip();
        if (text.isEmpty() || text.length() > MAX_LITERAL) {
            return Optional.empty();
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == '.' || c == ':';
            if (!allowed) {
                return Optional.empty(); // host names, zone ids (%eth0), ports with brackets, garbage
            }
        }
        try {
            if (text.indexOf(':') >= 0) {
                return Optional.of(InetAddress.ofLiteral(text));
            }
            // Only the strict dotted quad: "127.1" or "2130706433" are legal inet_aton forms nobody sends.
            return isDottedQuad(text) ? Optional.of(Inet4Address.ofLiteral(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True unless the address is in a private, loopback, link-local, multicast, documentation or reserved range. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(b);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                   // this network
                || (a0 == 100 && (a1 & 0xc0) == 64)        // 100.64/10 carrier-grade NAT
                || (a0 == 192 && a1 == 0 && a2 == 0)       // 192.0.0/24 protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2)       // TEST-NET-1
                || (a0 == 198 && (a1 & 0xfe) == 18)        // 198.18/15 benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100)    // TEST-NET-2
                || (a0 == 203 && a1 == 0 && a2 == 113)     // TEST-NET-3
                || a0 >= 240);                             // reserved and broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return false; // fc00::/7 unique local
        }
        if (first == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return false; // 2001:db8::/32 documentation
        }
        if (first == 0) {
            // ::/8 holds the unspecified, loopback and deprecated IPv4-compatible addresses; ::ffff:0:0/96 maps
            // to IPv4 but the JDK already returns an Inet4Address for those.
            return false;
        }
        return true;
    }

    private static boolean isDottedQuad(String text) {
        int dots = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (digits == 0) {
                    return false;
                }
                dots++;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }
}
