package dev.onshore.was.storefront;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The storefront's cookies, the same on every WAS node because they carry their own proof: the guest's cart token
 * per market (signed: HMAC-SHA256), the logged-in shopper and the login in progress (sealed: AES-256-GCM), and a
 * guest's order access tokens. All HttpOnly, SameSite=Lax, Secure when the public address is https.
 */
@Component
class ShopCookies {

    static final String CART_PREFIX = "onshore_cart_";
    static final String SHOPPER = "onshore_shopper";
    static final String LOGIN = "onshore_login";
    static final String ORDER_PREFIX = "onshore_order_";

    /**
     * @param cookieSecret signs and seals the cookies; the same on every node, at least 32 characters, from a 0600
     *     secret file in production (never printed)
     * @param cartAge how long a guest's cart cookie lives
     * @param shopperAge how long a login lasts on the storefront
     */
    @ConfigurationProperties("onshore.storefront.cookies")
    record Properties(String secret, @org.springframework.boot.context.properties.bind.DefaultValue("P30D")
            Duration cartAge, @org.springframework.boot.context.properties.bind.DefaultValue("PT8H")
            Duration shopperAge) {

        Properties {
            if (secret == null || secret.strip().length() < 32) {
                throw new IllegalArgumentException("onshore.storefront.cookies.secret: at least 32 characters");
            }
        }

        @Override
        public String toString() {
            return "Properties[secret=***, cartAge=" + cartAge + ", shopperAge=" + shopperAge + "]";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Properties.class)
    static class Settings {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] signKey;
    private final SecretKeySpec sealKey;
    private final Properties properties;
    private final boolean secure;

    ShopCookies(Properties properties, PublicUrls urls) {
        this.properties = properties;
        this.signKey = derive("sign", properties.secret());
        this.sealKey = new SecretKeySpec(derive("seal", properties.secret()), "AES");
        this.secure = urls.origin("").startsWith("https:");
    }

    Duration shopperAge() {
        return properties.shopperAge();
    }

    /** The guest cart token of a market, when its cookie is there and its signature holds. */
    Optional<String> cartToken(HttpServletRequest request, String market) {
        return value(request, CART_PREFIX + market).flatMap(value -> {
            var dot = value.lastIndexOf('.');
            if (dot < 1) {
                return Optional.empty();
            }
            var token = value.substring(0, dot);
            return MessageDigest.isEqual(sign(market + ":" + token).getBytes(StandardCharsets.US_ASCII),
                    value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII)) ? Optional.of(token)
                            : Optional.empty();
        });
    }

    void setCartToken(HttpServletResponse response, String market, String token) {
        add(response, CART_PREFIX + market, token + "." + sign(market + ":" + token), properties.cartAge());
    }

    void clear(HttpServletResponse response, String name) {
        add(response, name, "", Duration.ZERO);
    }

    /** Every market whose guest cart cookie is present (signed or not: for clean-up). */
    java.util.List<String> cartMarkets(HttpServletRequest request) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return java.util.List.of();
        }
        return Arrays.stream(cookies).map(cookie -> cookie.getName()).filter(name -> name.startsWith(CART_PREFIX))
                .map(name -> name.substring(CART_PREFIX.length())).filter(market -> market.matches("[A-Z]{2}"))
                .distinct().toList();
    }

    Optional<String> orderToken(HttpServletRequest request, String number) {
        return number.matches("[A-Z0-9-]{1,40}") ? value(request, ORDER_PREFIX + number) : Optional.empty();
    }

    void setOrderToken(HttpServletResponse response, String number, String token) {
        add(response, ORDER_PREFIX + number, token, properties.cartAge());
    }

    /** Whether the request carries any cookie that makes its pages about one shopper. */
    static boolean hasShopperCookie(HttpServletRequest request) {
        var cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).map(cookie -> cookie.getName())
                .anyMatch(name -> name.startsWith(CART_PREFIX) || name.equals(SHOPPER));
    }

    Optional<String> value(HttpServletRequest request, String name) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> cookie.getName().equals(name)).map(cookie -> cookie.getValue())
                .filter(value -> value != null && !value.isEmpty() && value.length() < 4000).findFirst();
    }

    void add(HttpServletResponse response, String name, String value, Duration age) {
        response.addHeader("Set-Cookie", ResponseCookie.from(name, value).path("/").httpOnly(true).secure(secure)
                .sameSite("Lax").maxAge(age).build().toString());
    }

    /** Encrypts and authenticates {@code plain} for a cookie named {@code name} (a cookie cannot move to another). */
    String seal(String name, byte[] plain) {
        try {
            var iv = new byte[12];
            RANDOM.nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, iv));
            cipher.updateAAD(name.getBytes(StandardCharsets.US_ASCII));
            var sealed = cipher.doFinal(plain);
            var out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return B64.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain bytes, or null when the value was not sealed here for this cookie (tampered, other key). */
    byte @Nullable [] open(String name, String value) {
        try {
            var bytes = B64D.decode(value);
            if (bytes.length < 12 + 16) {
                return null;
            }
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(name.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(bytes, 12, bytes.length - 12);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }

    String sign(String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signKey, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String random() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    private static byte[] derive(String purpose, String secret) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((purpose + ":" + secret.strip()).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String market(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
