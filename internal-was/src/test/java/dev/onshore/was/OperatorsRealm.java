package dev.onshore.was;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The operators realm's signing key and JWKS endpoint, in-process: integration tests call the admin API with real,
 * signed service tokens that the resource server validates as it validates Keycloak's (issuer, audience, expiry,
 * algorithm, realm roles). The real-Keycloak path is covered by the system tests.
 */
public final class OperatorsRealm {

    private static RSAKey key;
    private static String issuer;

    private OperatorsRealm() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (key == null) {
            try {
                key = new RSAKeyGenerator(2048).keyID("it-key").generate();
                var jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                var body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                for (var realm : List.of("operators", "shoppers")) { // one key serves both realms here
                    jwks.createContext("/realms/" + realm + "/protocol/openid-connect/certs", exchange -> {
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                }
                jwks.start();
                issuer = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/realms/operators";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        var keycloak = issuer.substring(0, issuer.indexOf("/realms/"));
        registry.add("onshore.identity.keycloak-url", () -> keycloak);
        registry.add("onshore.identity.operator-issuer", () -> issuer);
    }

    /** A bearer token of the admin app's service account (realm role {@code internal-api}). */
    public static String serviceToken() {
        return token(List.of("internal-api"));
    }

    /** A bearer token of a shopper (shoppers realm, the application's configured public issuer). */
    public static String shopperToken(String subject) {
        return shopperToken(subject, null);
    }

    /** A shoppers-realm bearer token carrying the shopper's email, as Keycloak's {@code email} scope adds it. */
    public static String shopperToken(String subject, @org.jspecify.annotations.Nullable String email) {
        try {
            var claims = new JWTClaimsSet.Builder().issuer("http://localhost:8080/realms/shoppers")
                    .audience("onshore-internal-was").subject(subject).claim("azp", "onshore-storefront")
                    .claim("email", email)
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return "Bearer " + jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bearer token of the operators realm with the given realm roles. */
    public static String token(List<String> roles) {
        try {
            var claims = new JWTClaimsSet.Builder().issuer(issuer).audience("onshore-internal-was")
                    .subject("service-account-onshore-admin-service").claim("azp", "onshore-admin-service")
                    .claim("realm_access", Map.of("roles", roles)).issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return "Bearer " + jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
