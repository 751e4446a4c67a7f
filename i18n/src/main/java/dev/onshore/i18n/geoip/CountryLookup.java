package dev.onshore.i18n.geoip;

import java.net.InetAddress;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The country a client IP address is in. Implementations never throw for bad input and never return a country
 * for private, loopback, link-local, multicast, documentation or otherwise reserved addresses.
 */
public interface CountryLookup {

    /**
     * @param address any address, never null
     * @return the ISO 3166-1 alpha-2 code (upper case), or empty when unknown or not a public address
     */
    Optional<String> country(InetAddress address);

    /**
     * Looks up an IP literal (IPv4 dotted quad or IPv6, brackets allowed, no zone id). Never resolves host names
     * and never throws: null, blank, malformed or non-public input gives empty.
     */
    default Optional<String> country(@Nullable String ipLiteral) {
        return PublicAddresses.parse(ipLiteral).flatMap(this::country);
    }

    /** A lookup that knows no country, for sites without a GeoIP database. */
    static CountryLookup none() {
        return address -> Optional.empty();
    }
}
