package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Japanese and Thai stores of the demo (issue 14): pages in the shopper's language with yen and baht formatted
 * by ICU, search in Japanese and Thai script, and an assortment of their own.
 */
class JapaneseAndThaiStorefrontIntegrationTests extends StorefrontPagesTestSupport {

    private List<String> skus(String uri) throws Exception {
        return skus(page(uri));
    }

    @Test
    void aJapaneseProductPageIsInJapaneseWithWholeYen() throws Exception {
        var product = page("/ja-jp/p/HS-VITC-1000");
        assertThat(product.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(product)).contains("<html lang=\"ja-JP\">").contains("ビタミンC 1000mg")
                .contains("カートに入れる").contains("￥1,980").doesNotContain("1,980.00").doesNotContain("1980.00")
                .contains("\"price\":\"1980\"").contains("\"priceCurrency\":\"JPY\"");
    }

    @Test
    void aThaiProductPageIsInThaiWithBaht() throws Exception {
        var product = page("/th-th/p/HS-VITC-1000");
        assertThat(product.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(product)).contains("<html lang=\"th-TH\">").contains("วิตามินซี 1000 มก.")
                .contains("ใส่ตะกร้า").contains("฿449.00").contains("\"priceCurrency\":\"THB\"");
    }

    @Test
    void categoryPagesNameTheCategoryAndPriceInTheMarketsCurrency() throws Exception {
        var japanese = body(page("/ja-jp/c/health.vitamins"));
        assertThat(japanese).contains("ビタミン・ミネラル").containsPattern("￥[0-9],[0-9]{3}<")
                .doesNotContainPattern("￥[0-9,]+\\.[0-9]");
        var thai = body(page("/th-th/c/health.vitamins"));
        assertThat(thai).contains("วิตามินและแร่ธาตุ").containsPattern("฿[0-9,]+\\.00<");
    }

    @Test
    void aShopperFindsProductsByTheirJapaneseAndThaiNames() throws Exception {
        assertThat(skus("/ja-jp/search?q=ルテイン")).contains("HS-LUTEIN-60");
        assertThat(skus("/ja-jp/search?q=コラーゲン")).contains("HS-COLLAGEN-30", "HS-COLLAGEN-DRINK");
        assertThat(skus("/th-th/search?q=คอลลาเจน")).contains("HS-COLLAGEN-30", "HS-COLLAGEN-DRINK");
        assertThat(skus("/th-th/search?q=ลูทีน")).contains("HS-LUTEIN-60");
        // Japanese script on the Thai store still finds what Thailand sells, and only that.
        assertThat(skus("/th-th/search?q=オメガ3")).contains("HS-OMEGA3-90").doesNotContain("HS-KRILL-OIL");
    }

    @Test
    void aThaiShopperFindsALoanwordTheWordBreakerGluesToTheWordAfterIt() throws Exception {
        // Thai writes no space between words: the breaker reads "ลูทีนบำรุงสายตา" as "ลูทีนบำรุง" + "สายตา".
        assertThat(body(page("/th-th/p/HS-LUTEIN-60"))).contains("ลูทีนบำรุงสายตา").doesNotContain("ลูทีน บำรุงสายตา");
        assertThat(skus("/th-th/search?q=ลูทีน")).contains("HS-LUTEIN-60", "HS-LUTEIN-KIDS");
    }

    @Test
    void aThaiDictionaryWordFindsItsProductsWhereItIsAWordFirst() throws Exception {
        // "บำรุง" (nourish) is a word of its own in the hyaluronic acid's and the biotin's names, and glued to the
        // loanword before it in the lutein's; milk thistle has it too, but is not sold in Thailand.
        var found = skus("/th-th/search?q=บำรุง");
        assertThat(found).contains("HS-HYALURONIC", "HS-BIOTIN", "HS-LUTEIN-60").doesNotContain("HS-MILKTHISTLE");
        assertThat(found.indexOf("HS-HYALURONIC")).isLessThan(found.indexOf("HS-LUTEIN-60"));
        assertThat(found.indexOf("HS-BIOTIN")).isLessThan(found.indexOf("HS-LUTEIN-60"));
    }

    @Test
    void aThaiStringThatIsInNoProductFindsNothing() throws Exception {
        // A hand on the Thai keyboard's home row, and "ตาย" (to die): each of its two character pairs is in the
        // lutein's name ("สายตา"), but not one after the other.
        assertThat(skus("/th-th/search?q=ฟหกดเ้่าส")).isEmpty();
        assertThat(skus("/th-th/search?q=ตาย")).isEmpty();
        assertThat(skus("/th-th/search?q=ลูทีน ตาย")).isEmpty();
    }

    @Test
    void eachMarketSellsItsOwnAssortment() throws Exception {
        // Krill oil is sold in Japan, not in Thailand; glutathione the other way round.
        assertThat(page("/ja-jp/p/HS-KRILL-OIL").getResponse().getStatus()).isEqualTo(200);
        assertThat(page("/th-th/p/HS-KRILL-OIL").getResponse().getStatus()).isEqualTo(404);
        assertThat(page("/th-th/p/HS-GLUTATHIONE").getResponse().getStatus()).isEqualTo(200);
        assertThat(page("/ja-jp/p/HS-GLUTATHIONE").getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theHomePagesShowTheirOwnCmsCornersAndSwitcher() throws Exception {
        var japanese = body(page("/ja-jp/"));
        assertThat(japanese).contains("<html lang=\"ja-JP\">").contains("売れ筋ランキング")
                .contains("hreflang=\"th-TH\"").contains("hreflang=\"id-ID\"");
        var thai = body(page("/th-th/"));
        assertThat(thai).contains("<html lang=\"th-TH\">").contains("สินค้าขายดี").contains("hreflang=\"ja-JP\"");
        assertThat(body(page("/sitemap.xml"))).contains("/ja-jp/sitemap.xml").contains("/th-th/sitemap.xml");
        assertThat(body(page("/th-th/sitemap.xml"))).contains("/th-th/p/HS-VITC-1000").doesNotContain("HS-KRILL-OIL");
    }
}
