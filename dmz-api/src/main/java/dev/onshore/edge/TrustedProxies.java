package dev.onshore.edge;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is, given the proxies we trust: the right-most address in X-Forwarded-For that is not one of our
 * own hops. Entries a client could have forged (everything left of the first untrusted hop) are never used, and
 * anything that is not an IP literal ends the walk (no DNS lookups, ever).
 */
final class TrustedProxies {

    /** The one list of our own hops (WAF, L4), for everything that needs it: {@code onshore.gateway.trusted-proxies}. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Configuration {

        @org.springframework.context.annotation.Bean
        TrustedProxies trustedProxies(EdgeProperties properties) {
            return new TrustedProxies(properties.trustedProxies());
        }
    }

    private record Block(BigInteger network, BigInteger mask, int length) {

        boolean contains(InetAddress address) {
            var bytes = address.getAddress();
            return bytes.length == length && new BigInteger(1, bytes).and(mask).equals(network);
        }
    }

    private static final int MAX_HOPS = 20;

    private final List<Block> blocks;

    TrustedProxies(List<String> cidrs) {
        this.blocks = cidrs.stream().map(TrustedProxies::parse).toList();
    }

    boolean isTrusted(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    /** The client's address; the direct peer when it is not a trusted proxy. */
    String clientAddress(String remoteAddress, String forwardedFor) {
        var peer = literal(remoteAddress);
        if (peer.isEmpty() || !isTrusted(peer.get()) || forwardedFor == null || forwardedFor.isBlank()) {
            return remoteAddress;
        }
        var hops = forwardedFor.split(",", -1);
        var client = peer.get();
        for (int i = hops.length - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            var hop = literal(hops[i].strip());
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
            if (!isTrusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    /**
     * The scheme the client used: what a trusted hop says in {@code X-Forwarded-Proto} (the WAF terminates TLS), else
     * the scheme of the connection itself. Never null; only http or https.
     */
    String protocol(jakarta.servlet.http.HttpServletRequest request) {
        var claimed = request.getHeader("X-Forwarded-Proto");
        if (("https".equalsIgnoreCase(claimed) || "http".equalsIgnoreCase(claimed))
                && literal(request.getRemoteAddr()).filter(this::isTrusted).isPresent()) {
            return claimed.toLowerCase(java.util.Locale.ROOT);
        }
        return request.isSecure() ? "https" : "http";
    }

    static Optional<InetAddress> literal(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 45) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(candidate));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    private static Block parse(String cidr) {
        var slash = cidr.indexOf('/');
        var address = literal(slash < 0 ? cidr : cidr.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("Not a CIDR block: " + cidr));
        int bits = address.getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("Bad prefix length in " + cidr);
        }
        var mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new Block(new BigInteger(1, address.getAddress()).and(mask), mask, address.getAddress().length);
    }
}
