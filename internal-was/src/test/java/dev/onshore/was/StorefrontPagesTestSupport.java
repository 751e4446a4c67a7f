package dev.onshore.was;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** What the storefront page tests share: a page as a shopper's browser gets it, its text and the products it lists. */
abstract class StorefrontPagesTestSupport extends CatalogTestSupport {

    private static final Pattern PRODUCT = Pattern.compile("data-sku=\"([A-Z0-9-]+)\"");

    @Autowired
    MockMvc mvc;

    MvcResult page(String uri) throws Exception {
        return mvc.perform(get(uri)).andReturn();
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The SKUs of the products the page lists, in its order. */
    static List<String> skus(MvcResult page) throws Exception {
        return PRODUCT.matcher(body(page)).results().map(m -> m.group(1)).toList();
    }
}
