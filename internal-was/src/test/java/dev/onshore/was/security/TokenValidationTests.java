package dev.onshore.was.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * What the resource server accepts, checked against a JWKS endpoint of our own: the right issuer, audience, expiry
 * and an allowed algorithm, or nothing. (The real-Keycloak path is covered by the system tests.)
 */
class TokenValidationTests {

    private static final String AUDIENCE = "onshore-internal-was";
    private static RSAKey key;
    private static HttpServer jwks;
    private static String issuer;
    private static JwtDecoder decoder;

    @BeforeAll
    static void keycloakStandIn() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/realms/operators/protocol/openid-connect/certs", exchange -> {
            var body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        var keycloak = "http://127.0.0.1:" + jwks.getAddress().getPort();
        issuer = keycloak + "/realms/operators";
        var identity = new IdentityProperties(keycloak, "http://localhost:8080/realms/shoppers", issuer, AUDIENCE,
                List.of("RS256", "PS256", "ES256"));
        decoder = SecurityConfiguration.decoder(identity, issuer);
        // The decoder fetches the JWKS once and caches it. Fetch it here, until it has it: on a loaded machine the
        // first fetch can outlast the production read timeout, and the tests below are about what is refused.
        for (int attempt = 1; ; attempt++) {
            try {
                decoder.decode(signed(claims().build()));
                break;
            } catch (JwtException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject("service-account")
                .issueTime(Date.from(Instant.now())).expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private static String signed(JWTClaimsSet claims) throws Exception {
        return signed(JWSAlgorithm.RS256, claims);
    }

    /** Signed with the key the JWKS publishes, under the given RSA algorithm. */
    private static String signed(JWSAlgorithm algorithm, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void acceptsATokenFromTheRightIssuerForThisService() throws Exception {
        var jwt = decoder.decode(signed(claims().build()));

        assertThat(jwt.getSubject()).isEqualTo("service-account");
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        // Beyond the 60 s clock-skew allowance.
        var expired = claims().issueTime(Date.from(Instant.now().minusSeconds(600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(120))).build();

        assertThatThrownBy(() -> decoder.decode(signed(expired))).isInstanceOf(JwtException.class).hasMessageContaining("expired");
    }

    @Test
    void refusesATokenFromAnotherIssuer() throws Exception {
        var foreign = claims().issuer("http://127.0.0.1:1/realms/shoppers").build();

        assertThatThrownBy(() -> decoder.decode(signed(foreign))).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesATokenMeantForAnotherService() throws Exception {
        var otherAudience = claims().audience("some-other-api").build();
        var noAudience = claims().audience(List.of()).build();

        assertThatThrownBy(() -> decoder.decode(signed(otherAudience))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(signed(noAudience))).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesAlgorithmsOutsideTheAllowList() throws Exception {
        // HS256 keyed with something public is the classic algorithm-confusion forgery.
        var hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hmac.sign(new MACSigner("a-public-value-anyone-could-know-0123456789".getBytes(StandardCharsets.UTF_8)));
        var unsigned = new PlainJWT(claims().build()).serialize();

        assertThatThrownBy(() -> decoder.decode(hmac.serialize())).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(unsigned)).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesAnRsaSignatureByTheRightKeyUnderAnAlgorithmOutsideTheAllowList() throws Exception {
        // Same key, same claims: PS256 is on the list, RS512 and RS384 are not.
        assertThat(decoder.decode(signed(JWSAlgorithm.PS256, claims().build())).getSubject()).isEqualTo("service-account");
        assertThatThrownBy(() -> decoder.decode(signed(JWSAlgorithm.RS512, claims().build())))
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(signed(JWSAlgorithm.RS384, claims().build())))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        var stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key").build(), claims().build());
        jwt.sign(new RSASSASigner(stranger));

        assertThatThrownBy(() -> decoder.decode(jwt.serialize())).isInstanceOf(JwtException.class);
    }
}
