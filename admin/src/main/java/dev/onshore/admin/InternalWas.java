package dev.onshore.admin;

import dev.onshore.i18n.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.List;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import static org.springframework.security.oauth2.client.web.client.RequestAttributeClientRegistrationIdResolver.clientRegistrationId;

/** The internal WAS's admin API, called with the admin's service token and the acting operator's name. */
@Component
class InternalWas {

    /** A product as the admin API lists it. */
    record Product(String sku, String brand, String name, String status, BigDecimal price, String currency) {

        /** The base price as operators read it ("₩36,000"), never the stored scale-4 decimal. */
        public String formattedPrice() {
            return Money.of(price, Currency.getInstance(currency)).format(Locale.US);
        }
    }

    private final RestClient http;

    InternalWas(RestClient.Builder builder, AdminProperties properties, OAuth2AuthorizedClientManager serviceTokens) {
        this.http = builder.baseUrl(properties.internalWasUrl())
                .requestInterceptor(new OAuth2ClientHttpRequestInterceptor(serviceTokens))
                .build();
    }

    List<Product> products(String operator) {
        var products = http.get().uri("/api/admin/products")
                .attributes(clientRegistrationId(SecurityConfiguration.SERVICE))
                .header("X-Onshore-Operator", operator)
                .retrieve()
                .body(Product[].class);
        return products == null ? List.of() : List.of(products);
    }

    void publish(String sku, String operator) {
        http.put().uri("/api/admin/products/{sku}/publication", sku)
                .attributes(clientRegistrationId(SecurityConfiguration.SERVICE))
                .header("X-Onshore-Operator", operator)
                .retrieve().toBodilessEntity();
    }

    void suspend(String sku, String operator) {
        http.delete().uri("/api/admin/products/{sku}/publication", sku)
                .attributes(clientRegistrationId(SecurityConfiguration.SERVICE))
                .header("X-Onshore-Operator", operator)
                .retrieve().toBodilessEntity();
    }
}
