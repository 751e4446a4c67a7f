package dev.onshore.was.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.ShopTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A member buys with their shoppers-realm token alone: no cart or order token needed, nobody else sees it. */
class MemberPurchaseIntegrationTests extends ShopTestSupport {

    @Test
    void aMemberCartAndOrderAreTheirsByTokenAndHiddenFromOthers() throws Exception {
        var member = OperatorsRealm.shopperToken("member-" + UUID.randomUUID());
        var created = mvc.perform(post("/api/shop/v1/cart").header("Authorization", member)
                .contentType(MediaType.APPLICATION_JSON).content("{\"market\":\"ID\"}")).andReturn();
        assertStatus(created, 201);
        assertStatus(mvc.perform(post("/api/shop/v1/cart/lines").header("Authorization", member)
                .contentType(MediaType.APPLICATION_JSON).content("{\"sku\":\"HS-COLLAGEN-TAB\",\"quantity\":1}"))
                .andReturn(), 200);
        var placed = mvc.perform(post("/api/shop/v1/orders").header("Authorization", member)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content(checkout("ID"))).andReturn();
        assertStatus(placed, 201);
        String number = JsonPath.read(placed.getResponse().getContentAsString(), "$.order.number");

        var mine = mvc.perform(get("/api/shop/v1/orders/" + number).header("Authorization", member)).andReturn();
        assertStatus(mine, 200);
        assertThat(JsonPath.<String>read(mine.getResponse().getContentAsString(), "$.number")).isEqualTo(number);
        var someoneElse = OperatorsRealm.shopperToken("member-" + UUID.randomUUID());
        assertStatus(mvc.perform(get("/api/shop/v1/orders/" + number).header("Authorization", someoneElse))
                .andReturn(), 404);
        assertStatus(mvc.perform(get("/api/shop/v1/orders/" + number)).andReturn(), 404);
        // A token from the wrong realm, or a forged one, is refused outright.
        assertStatus(mvc.perform(get("/api/shop/v1/orders/" + number).header("Authorization",
                OperatorsRealm.serviceToken())).andReturn(), 401);
        assertStatus(mvc.perform(get("/api/shop/v1/orders/" + number).header("Authorization", "Bearer forged"))
                .andReturn(), 401);
    }
}
