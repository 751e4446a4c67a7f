package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.Sku;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's supplement catalog (profile {@code demo}): five languages, five markets. Idempotent: a SKU that
 * exists is left as it is, so operators' changes in the demo survive restarts.
 */
@Component
@Profile("demo")
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private record Item(String sku, String brand, String basePriceKrw, boolean published,
            Map<String, String[]> texts, Map<String, String[]> offers) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("HS-VITC-1000", "Hanbit Health", "18000", true,
                    Map.of("en", new String[] {"Vitamin C 1000 mg", "High-dose vitamin C, 60 tablets"},
                            "ko", new String[] {"비타민C 1000mg", "고함량 비타민C, 60정"},
                            "id", new String[] {"Vitamin C 1000 mg", "Vitamin C dosis tinggi, 60 tablet"},
                            "ms", new String[] {"Vitamin C 1000 mg", "Vitamin C dos tinggi, 60 tablet"},
                            "zh", new String[] {"维生素C 1000毫克", "高剂量维生素C，60片"}),
                    Map.of("KR", new String[] {"KRW", "18000"}, "US", new String[] {"USD", "14.99"},
                            "ID", new String[] {"IDR", "189000"}, "MY", new String[] {"MYR", "59.90"},
                            "SG", new String[] {"SGD", "19.90"})),
            new Item("HS-REDGINSENG-30", "Hanbit Health", "65000", true,
                    Map.of("en", new String[] {"Korean Red Ginseng Extract Sticks", "6-year-old red ginseng, 30 sticks"},
                            "ko", new String[] {"홍삼정 스틱", "6년근 홍삼, 30포"},
                            "id", new String[] {"Ekstrak Ginseng Merah Korea", "Ginseng merah 6 tahun, 30 sachet"},
                            "ms", new String[] {"Ekstrak Ginseng Merah Korea", "Ginseng merah 6 tahun, 30 paket"},
                            "zh", new String[] {"高丽红参精华条", "六年根红参，30条"}),
                    Map.of("KR", new String[] {"KRW", "65000"}, "US", new String[] {"USD", "49.00"},
                            "ID", new String[] {"IDR", "689000"}, "MY", new String[] {"MYR", "219.90"},
                            "SG", new String[] {"SGD", "69.90"})),
            new Item("HS-PROBIO-50B", "Hanbit Health", "32000", true,
                    Map.of("en", new String[] {"Probiotics 50 Billion", "19 strains, 30 capsules"},
                            "ko", new String[] {"프로바이오틱스 500억", "19종 유산균, 30캡슐"},
                            "id", new String[] {"Probiotik 50 Miliar", "19 strain, 30 kapsul"}),
                    Map.of("KR", new String[] {"KRW", "32000"}, "US", new String[] {"USD", "24.99"},
                            "ID", new String[] {"IDR", "319000"}, "SG", new String[] {"SGD", "32.90"})),
            new Item("HS-OMEGA3-90", "Blue Sea Lab", "27000", true,
                    Map.of("en", new String[] {"rTG Omega-3", "Fish oil, 90 softgels"},
                            "ko", new String[] {"rTG 오메가3", "피쉬오일, 90캡슐"},
                            "ms", new String[] {"Omega-3 rTG", "Minyak ikan, 90 kapsul lembut"},
                            "zh", new String[] {"rTG欧米伽3", "鱼油，90粒软胶囊"}),
                    // Not offered in Indonesia: no BPOM registration yet.
                    Map.of("KR", new String[] {"KRW", "27000"}, "US", new String[] {"USD", "21.50"},
                            "MY", new String[] {"MYR", "89.90"}, "SG", new String[] {"SGD", "28.90"})),
            new Item("HS-COLLAGEN-30", "Glow Lab", "39000", true,
                    Map.of("en", new String[] {"Low-Molecular Collagen", "Fish collagen peptide, 30 sticks"},
                            "ko", new String[] {"저분자 콜라겐", "어린 콜라겐 펩타이드, 30포"},
                            "id", new String[] {"Kolagen Molekul Rendah", "Peptida kolagen ikan, 30 sachet"},
                            "ms", new String[] {"Kolagen Molekul Rendah", "Peptida kolagen ikan, 30 paket"}),
                    Map.of("KR", new String[] {"KRW", "39000"}, "ID", new String[] {"IDR", "399000"},
                            "MY", new String[] {"MYR", "129.90"}, "SG", new String[] {"SGD", "42.90"})),
            new Item("HS-LUTEIN-60", "Blue Sea Lab", "22000", true,
                    Map.of("en", new String[] {"Lutein Eye Care", "Marigold lutein 20 mg, 60 capsules"},
                            "ko", new String[] {"루테인 아이케어", "마리골드 루테인 20mg, 60캡슐"},
                            "id", new String[] {"Lutein Perawatan Mata", "Lutein marigold 20 mg, 60 kapsul"},
                            "zh", new String[] {"叶黄素护眼", "万寿菊叶黄素20毫克，60粒"}),
                    Map.of("KR", new String[] {"KRW", "22000"}, "US", new String[] {"USD", "17.99"},
                            "ID", new String[] {"IDR", "229000"}, "MY", new String[] {"MYR", "72.90"})),
            new Item("HS-PROPOLIS-SPRAY", "Hanbit Health", "15000", false,
                    Map.of("en", new String[] {"Propolis Throat Spray", "Green propolis, 30 ml"},
                            "ko", new String[] {"프로폴리스 스프레이", "그린 프로폴리스, 30ml"},
                            "id", new String[] {"Semprot Tenggorokan Propolis", "Propolis hijau, 30 ml"}),
                    Map.of("KR", new String[] {"KRW", "15000"}, "US", new String[] {"USD", "11.99"},
                            "ID", new String[] {"IDR", "149000"})));

    private final Products products;

    DemoCatalog(Products products) {
        this.products = products;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int added = 0;
        for (var item : ITEMS) {
            if (products.existsBySku(item.sku())) {
                continue;
            }
            var product = new Product(new Sku(item.sku()), item.brand(), new BigDecimal(item.basePriceKrw()), "KRW");
            item.texts().forEach((language, text) -> product.translate(language, new ProductTranslation(text[0], text[1])));
            item.offers().forEach((market, offer) -> product.offer(market, new MarketOffer(offer[0], new BigDecimal(offer[1]))));
            if (item.published()) {
                product.publish();
            }
            products.save(product);
            added++;
        }
        log.info("Demo catalog: {} products added, {} already present", added, ITEMS.size() - added);
    }
}
