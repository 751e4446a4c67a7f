package dev.onshore.was.shopapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the store API: the shopper's language on every {@code /api/shop/} request, {@link ShopContext} as a
 * controller parameter, and the OpenAPI document ({@code /api/shop/v1/openapi.json}, paths under
 * {@code /api/shop/v1/} only; see {@code springdoc.*} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShopApiProperties.class)
class ShopApiConfiguration implements WebMvcConfigurer {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    static {
        // A ShopContext parameter is not a request body or query object: its parameters are documented below.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ShopContext.class);
    }

    private final ShopContexts contexts;

    ShopApiConfiguration(ShopContexts contexts) {
        this.contexts = contexts;
    }

    @Bean
    FilterRegistrationBean<ShopperLanguage> shopperLanguage() {
        var registration = new FilterRegistrationBean<>(new ShopperLanguage(contexts));
        // Before the security filters, so that a 401 is in the shopper's language too.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        registration.addUrlPatterns("/api/shop/*");
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == ShopContext.class;
            }

            @Override
            public ShopContext resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
                    NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
                return contexts.resolve(request.getNativeRequest(HttpServletRequest.class));
            }
        });
    }

    @Bean
    OpenAPI shopApiDocument() {
        var problem = new ObjectSchema()
                .description("An RFC 9457 problem detail; title and detail are in the shopper's language.")
                .addProperty("type", new StringSchema().format("uri")
                        .description("Stable identifier of the kind of problem, e.g. https://onshore.dev/problems/unknown-product"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("parameter", new StringSchema())
                        .addProperty("code", new StringSchema())
                        .addProperty("message", new StringSchema())
                        .addProperty("allowed", new ArraySchema().items(new StringSchema()))));
        problem.setRequired(List.of("type", "title", "status"));
        return new OpenAPI()
                .info(new Info().title("Onshore store API").version("v1").description("""
                        The headless storefront: markets, categories, products and search, localized for one \
                        market and language. Explicit market, locale and currency parameters (or X-Shop-* \
                        headers) win over the shopper context the gateway resolved (choice cookie, \
                        Accept-Language, GeoIP). Catalogue answers are cacheable: revalidate with If-None-Match. \
                        Every error is an RFC 9457 problem detail (application/problem+json)."""))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSchemas("Problem", problem));
    }

    /**
     * Documents what every operation shares: the shopper context parameters and their 400 where the operation takes
     * a {@link ShopContext}, and the 406 of a client that does not accept JSON.
     */
    @Bean
    OperationCustomizer shopContextParameters() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType() == ShopContext.class)) {
                addContextParameters(operation);
                response(operation, "400", "A parameter is malformed, or names a market, locale or currency "
                        + "the shop does not serve (problem types invalid-parameter, invalid-shop-context).");
            }
            response(operation, "406", "The client does not accept JSON.");
            return operation;
        };
    }

    private static void addContextParameters(Operation operation) {
        List<Parameter> parameters = List.of(
                new QueryParameter().name(ShopContexts.MARKET).schema(new StringSchema().pattern("^[A-Za-z]{2}$"))
                        .description("Market (ISO 3166-1 alpha-2) whose offers and prices to show; wins over "
                                + ShopContexts.MARKET_HEADER + " and the gateway's country."),
                new QueryParameter().name(ShopContexts.LOCALE).schema(new StringSchema().maxLength(35))
                        .description("BCP 47 language tag, one of the market's locales (see /markets); wins over "
                                + ShopContexts.LOCALE_HEADER + ", the gateway's locale and Accept-Language."),
                new QueryParameter().name(ShopContexts.CURRENCY).schema(new StringSchema().pattern("^[A-Za-z]{3}$"))
                        .description("ISO 4217 code; must be the market's currency (prices are never converted "
                                + "for display)."),
                new HeaderParameter().name(ShopContexts.MARKET_HEADER).schema(new StringSchema())
                        .description("Same as the market parameter."),
                new HeaderParameter().name(ShopContexts.LOCALE_HEADER).schema(new StringSchema())
                        .description("Same as the locale parameter."),
                new HeaderParameter().name(ShopContexts.CURRENCY_HEADER).schema(new StringSchema())
                        .description("Same as the currency parameter."));
        for (var parameter : parameters) {
            if (operation.getParameters() == null || operation.getParameters().stream()
                    .noneMatch(existing -> existing.getName().equals(parameter.getName()))) {
                operation.addParametersItem(parameter);
            }
        }
    }

    static void response(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        if (!operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA)))));
        }
    }
}
