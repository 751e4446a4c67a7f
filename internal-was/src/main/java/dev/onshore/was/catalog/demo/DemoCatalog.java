package dev.onshore.was.catalog.demo;

import dev.onshore.was.catalog.internal.*;
import dev.onshore.was.catalog.media.*;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.Availability;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.onshore.was.catalog.BrandAdministration;
import dev.onshore.was.catalog.BrandAdministration.BrandProfileEdit;
import dev.onshore.was.catalog.BrandAdministration.BrandText;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's supplement catalog (profile {@code demo}): 41 products, a 4-level category tree, seven languages, eight
 * markets with prices and regulatory data, some products deliberately unsellable somewhere (no BPOM number, an
 * expired Halal certificate, missing supplement facts, not on China's cross-border list, discontinued). Idempotent:
 * an existing SKU keeps what operators changed; only what it lacks (category, regulatory data of a market, English
 * product texts, an image generated for the product) is filled in, so older demo databases catch up; the bottle
 * earlier demos drew for a whole brand is replaced by the product's own, once.
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
                            "zh", new String[] {"维生素C 1000毫克", "高剂量维生素C，60片"},
                            "ja", new String[] {"ビタミンC 1000mg", "高含有ビタミンC、60粒"},
                            "th", new String[] {"วิตามินซี 1000 มก.", "วิตามินซีเข้มข้นสูง 60 เม็ด"}),
                    Map.of("KR", new String[] {"KRW", "18000"}, "US", new String[] {"USD", "14.99"},
                            "ID", new String[] {"IDR", "189000"}, "MY", new String[] {"MYR", "59.90"},
                            "SG", new String[] {"SGD", "19.90"}, "JP", new String[] {"JPY", "1980"},
                            "TH", new String[] {"THB", "449"})),
            new Item("HS-REDGINSENG-30", "Hanbit Health", "65000", true,
                    Map.of("en", new String[] {"Korean Red Ginseng Extract Sticks", "6-year-old red ginseng, 30 sticks"},
                            "ko", new String[] {"홍삼정 스틱", "6년근 홍삼, 30포"},
                            "id", new String[] {"Ekstrak Ginseng Merah Korea", "Ginseng merah 6 tahun, 30 sachet"},
                            "ms", new String[] {"Ekstrak Ginseng Merah Korea", "Ginseng merah 6 tahun, 30 paket"},
                            "zh", new String[] {"高丽红参精华条", "六年根红参，30条"},
                            "ja", new String[] {"高麗紅参エキススティック", "6年根紅参、30本"},
                            "th", new String[] {"โสมแดงเกาหลีสกัดแบบซอง", "โสมแดงอายุ 6 ปี 30 ซอง"}),
                    Map.of("KR", new String[] {"KRW", "65000"}, "US", new String[] {"USD", "49.00"},
                            "ID", new String[] {"IDR", "689000"}, "MY", new String[] {"MYR", "219.90"},
                            "SG", new String[] {"SGD", "69.90"}, "JP", new String[] {"JPY", "7180"})),
            new Item("HS-PROBIO-50B", "Hanbit Health", "32000", true,
                    Map.of("en", new String[] {"Probiotics 50 Billion", "19 strains, 30 capsules"},
                            "ko", new String[] {"프로바이오틱스 500억", "19종 유산균, 30캡슐"},
                            "id", new String[] {"Probiotik 50 Miliar", "19 strain, 30 kapsul"},
                            "ja", new String[] {"プロバイオティクス500億", "19種の乳酸菌、30カプセル"},
                            "th", new String[] {"โพรไบโอติก 5 หมื่นล้าน", "จุลินทรีย์ 19 สายพันธุ์ 30 แคปซูล"}),
                    Map.of("KR", new String[] {"KRW", "32000"}, "US", new String[] {"USD", "24.99"},
                            "ID", new String[] {"IDR", "319000"}, "SG", new String[] {"SGD", "32.90"},
                            "JP", new String[] {"JPY", "3580"}, "TH", new String[] {"THB", "799"})),
            new Item("HS-OMEGA3-90", "Blue Sea Lab", "27000", true,
                    Map.of("en", new String[] {"rTG Omega-3", "Fish oil, 90 softgels"},
                            "ko", new String[] {"rTG 오메가3", "피쉬오일, 90캡슐"},
                            "ms", new String[] {"Omega-3 rTG", "Minyak ikan, 90 kapsul lembut"},
                            "zh", new String[] {"rTG欧米伽3", "鱼油，90粒软胶囊"},
                            "ja", new String[] {"rTGオメガ3", "フィッシュオイル、90ソフトカプセル"},
                            "th", new String[] {"โอเมก้า 3 ชนิด rTG", "น้ำมันปลา 90 ซอฟต์เจล"}),
                    // Not offered in Indonesia: no BPOM registration yet.
                    Map.of("KR", new String[] {"KRW", "27000"}, "US", new String[] {"USD", "21.50"},
                            "MY", new String[] {"MYR", "89.90"}, "SG", new String[] {"SGD", "28.90"},
                            "JP", new String[] {"JPY", "2980"}, "TH", new String[] {"THB", "679"})),
            new Item("HS-COLLAGEN-30", "Glow Lab", "39000", true,
                    Map.of("en", new String[] {"Low-Molecular Collagen", "Fish collagen peptide, 30 sticks"},
                            "ko", new String[] {"저분자 콜라겐", "어린 콜라겐 펩타이드, 30포"},
                            "id", new String[] {"Kolagen Molekul Rendah", "Peptida kolagen ikan, 30 sachet"},
                            "ms", new String[] {"Kolagen Molekul Rendah", "Peptida kolagen ikan, 30 paket"},
                            "ja", new String[] {"低分子コラーゲン", "フィッシュコラーゲンペプチド、30包"},
                            "th", new String[] {"คอลลาเจนโมเลกุลเล็ก", "คอลลาเจนเปปไทด์จากปลา 30 ซอง"}),
                    Map.of("KR", new String[] {"KRW", "39000"}, "ID", new String[] {"IDR", "399000"},
                            "MY", new String[] {"MYR", "129.90"}, "SG", new String[] {"SGD", "42.90"},
                            "JP", new String[] {"JPY", "4280"}, "TH", new String[] {"THB", "990"})),
            new Item("HS-LUTEIN-60", "Blue Sea Lab", "22000", true,
                    Map.of("en", new String[] {"Lutein Eye Care", "Marigold lutein 20 mg, 60 capsules"},
                            "ko", new String[] {"루테인 아이케어", "마리골드 루테인 20mg, 60캡슐"},
                            "id", new String[] {"Lutein Perawatan Mata", "Lutein marigold 20 mg, 60 kapsul"},
                            "zh", new String[] {"叶黄素护眼", "万寿菊叶黄素20毫克，60粒"},
                            "ja", new String[] {"ルテイン アイケア", "マリーゴールド由来ルテイン20mg、60カプセル"},
                            "th", new String[] {"ลูทีนบำรุงสายตา", "ลูทีนจากดอกดาวเรือง 20 มก. 60 แคปซูล"}),
                    Map.of("KR", new String[] {"KRW", "22000"}, "US", new String[] {"USD", "17.99"},
                            "ID", new String[] {"IDR", "229000"}, "MY", new String[] {"MYR", "72.90"},
                            "JP", new String[] {"JPY", "2480"}, "TH", new String[] {"THB", "549"})),
            new Item("HS-PROPOLIS-SPRAY", "Hanbit Health", "15000", false,
                    Map.of("en", new String[] {"Propolis Throat Spray", "Green propolis, 30 ml"},
                            "ko", new String[] {"프로폴리스 스프레이", "그린 프로폴리스, 30ml"},
                            "id", new String[] {"Semprot Tenggorokan Propolis", "Propolis hijau, 30 ml"},
                            "ja", new String[] {"プロポリス スロートスプレー", "グリーンプロポリス、30ml"},
                            "th", new String[] {"สเปรย์พ่นคอ โพรพอลิส", "โพรพอลิสสีเขียว 30 มล."}),
                    Map.of("KR", new String[] {"KRW", "15000"}, "US", new String[] {"USD", "11.99"},
                            "ID", new String[] {"IDR", "149000"})));

    private static final String[][] CATEGORIES = {
        {"health", "Health supplements", "건강기능식품", "Suplemen kesehatan", "Suplemen kesihatan", "保健品",
            "健康食品", "ผลิตภัณฑ์เสริมอาหาร"},
        {"health.vitamins", "Vitamins and minerals", "비타민·미네랄", "Vitamin dan mineral", "Vitamin dan mineral", "维生素和矿物质",
            "ビタミン・ミネラル", "วิตามินและแร่ธาตุ"},
        {"health.vitamins.vitamin-c", "Vitamin C", "비타민C", "Vitamin C", "Vitamin C", "维生素C",
            "ビタミンC", "วิตามินซี"},
        {"health.vitamins.vitamin-d", "Vitamin D", "비타민D", "Vitamin D", "Vitamin D", "维生素D",
            "ビタミンD", "วิตามินดี"},
        {"health.vitamins.multivitamin", "Multivitamins", "멀티비타민", "Multivitamin", "Multivitamin", "复合维生素",
            "マルチビタミン", "วิตามินรวม"},
        {"health.vitamins.minerals", "Minerals", "미네랄", "Mineral", "Mineral", "矿物质",
            "ミネラル", "แร่ธาตุ"},
        {"health.vitamins.minerals.magnesium", "Magnesium", "마그네슘", "Magnesium", "Magnesium", "镁",
            "マグネシウム", "แมกนีเซียม"},
        {"health.vitamins.minerals.calcium", "Calcium", "칼슘", "Kalsium", "Kalsium", "钙",
            "カルシウム", "แคลเซียม"},
        {"health.vitamins.minerals.zinc", "Zinc", "아연", "Seng", "Zink", "锌",
            "亜鉛", "สังกะสี"},
        {"health.vitamins.minerals.iron", "Iron", "철분", "Zat besi", "Zat besi", "铁",
            "鉄", "ธาตุเหล็ก"},
        {"health.ginseng", "Ginseng", "인삼·홍삼", "Ginseng", "Ginseng", "人参",
            "高麗人参・紅参", "โสม"},
        {"health.ginseng.red-ginseng", "Red ginseng", "홍삼", "Ginseng merah", "Ginseng merah", "红参",
            "紅参", "โสมแดง"},
        {"health.herbal", "Herbal", "허브", "Herbal", "Herba", "草本",
            "ハーブ", "สมุนไพร"},
        {"health.herbal.liver", "Liver care", "간 건강", "Kesehatan hati", "Kesihatan hati", "护肝",
            "肝臓ケア", "บำรุงตับ"},
        {"health.herbal.turmeric", "Turmeric", "강황", "Kunyit", "Kunyit", "姜黄",
            "ウコン", "ขมิ้นชัน"},
        {"health.herbal.sleep", "Sleep and calm", "수면·휴식", "Tidur dan tenang", "Tidur dan tenang", "睡眠与放松",
            "睡眠・リラックス", "การนอนหลับและผ่อนคลาย"},
        {"health.gut", "Gut health", "장 건강", "Kesehatan pencernaan", "Kesihatan usus", "肠道健康",
            "腸内環境", "สุขภาพลำไส้"},
        {"health.gut.probiotics", "Probiotics", "유산균", "Probiotik", "Probiotik", "益生菌",
            "乳酸菌", "โพรไบโอติก"},
        {"health.gut.fiber", "Fiber", "식이섬유", "Serat", "Serat", "膳食纤维",
            "食物繊維", "ใยอาหาร"},
        {"health.omega", "Omega-3", "오메가3", "Omega-3", "Omega-3", "欧米伽3",
            "オメガ3", "โอเมก้า 3"},
        {"health.eye", "Eye care", "눈 건강", "Kesehatan mata", "Kesihatan mata", "护眼",
            "目の健康", "บำรุงสายตา"},
        {"health.immune", "Immunity", "면역", "Imunitas", "Imuniti", "免疫",
            "免疫", "ภูมิคุ้มกัน"},
        {"health.immune.propolis", "Propolis", "프로폴리스", "Propolis", "Propolis", "蜂胶",
            "プロポリス", "โพรพอลิส"},
        {"beauty", "Beauty from within", "이너뷰티", "Kecantikan dari dalam", "Kecantikan dari dalam", "内服美容",
            "インナービューティー", "บิวตี้จากภายใน"},
        {"beauty.collagen", "Collagen", "콜라겐", "Kolagen", "Kolagen", "胶原蛋白",
            "コラーゲン", "คอลลาเจน"},
        {"beauty.skin", "Skin", "피부", "Kulit", "Kulit", "肌肤",
            "肌", "ผิว"},
        {"beauty.hair", "Hair and nails", "모발·손톱", "Rambut dan kuku", "Rambut dan kuku", "头发与指甲",
            "髪・爪", "ผมและเล็บ"},
        {"kids", "Kids and family", "어린이·가족", "Anak dan keluarga", "Kanak-kanak dan keluarga", "儿童与家庭",
            "キッズ・ファミリー", "เด็กและครอบครัว"},
        {"kids.vitamins", "Kids' vitamins", "어린이 비타민", "Vitamin anak", "Vitamin kanak-kanak", "儿童维生素",
            "子ども用ビタミン", "วิตามินสำหรับเด็ก"},
        {"kids.ginseng", "Kids' ginseng", "어린이 홍삼", "Ginseng anak", "Ginseng kanak-kanak", "儿童红参",
            "子ども用紅参", "โสมแดงสำหรับเด็ก"},
        {"kids.probiotics", "Kids' probiotics", "어린이 유산균", "Probiotik anak", "Probiotik kanak-kanak", "儿童益生菌",
            "子ども用乳酸菌", "โพรไบโอติกสำหรับเด็ก"},
        {"kids.omega", "Kids' omega-3", "어린이 오메가3", "Omega-3 anak", "Omega-3 kanak-kanak", "儿童欧米伽3",
            "子ども用オメガ3", "โอเมก้า 3 สำหรับเด็ก"},
        {"kids.eye", "Kids' eye care", "어린이 눈 건강", "Kesehatan mata anak", "Kesihatan mata kanak-kanak", "儿童护眼",
            "子どもの目の健康", "บำรุงสายตาสำหรับเด็ก"},
    };

    private static final List<String> CATEGORY_LANGUAGES = List.of("en", "ko", "id", "ms", "zh", "ja", "th");

    private static final Map<String, String> FIRST_CATEGORIES = Map.of(
            "HS-VITC-1000", "health.vitamins.vitamin-c", "HS-REDGINSENG-30", "health.ginseng.red-ginseng",
            "HS-PROBIO-50B", "health.gut.probiotics", "HS-OMEGA3-90", "health.omega",
            "HS-COLLAGEN-30", "beauty.collagen", "HS-LUTEIN-60", "health.eye",
            "HS-PROPOLIS-SPRAY", "health.immune.propolis");

    /** Demo regulatory data stays valid for years; the flags in products.tsv break it on purpose. */
    private static final String HALAL_EXPIRY = "2030-12-31";

    /** The demo's variants: capsule counts of the probiotics, one with its own Indonesian price, one sold out. */
    private static final ProductOption COUNT = new ProductOption("count", new Labels(Map.of("en", "Count",
            "ko", "개수", "id", "Isi", "ms", "Isi", "zh", "数量", "ja", "容量", "th", "จำนวน")));
    private static final List<ProductVariant> PROBIOTIC_COUNTS = List.of(
            new ProductVariant("30", new Labels(Map.of("en", "30 capsules", "ko", "30캡슐", "id", "30 kapsul",
                    "ms", "30 kapsul", "zh", "30粒", "ja", "30カプセル", "th", "30 แคปซูล")), null, MarketPrices.NONE, Availability.IN_STOCK),
            new ProductVariant("60", new Labels(Map.of("en", "60 capsules", "ko", "60캡슐", "id", "60 kapsul",
                    "ms", "60 kapsul", "zh", "60粒", "ja", "60カプセル", "th", "60 แคปซูล")), new BigDecimal("28000"),
                    new MarketPrices(Map.of("ID", new BigDecimal("579000"))), Availability.IN_STOCK),
            new ProductVariant("90", new Labels(Map.of("en", "90 capsules", "ko", "90캡슐", "id", "90 kapsul",
                    "ms", "90 kapsul", "zh", "90粒", "ja", "90カプセル", "th", "90 แคปซูล")), new BigDecimal("50000"), MarketPrices.NONE,
                    Availability.OUT_OF_STOCK));

    private static final Operator DEMO_EDITOR = new Operator("demo-editor");
    private static final Operator DEMO_REVIEWER = new Operator("demo-reviewer");

    private record Row(Item item, String category, Set<String> flags) {
    }

    /** The demo brands' names and descriptions, in every storefront language. */
    private static final Map<String, Map<String, BrandText>> BRAND_TEXTS = Map.of(
            "Hanbit Health", Map.of(
                    "en", new BrandText("Hanbit Health", "Everyday vitamins, red ginseng and gut care from Seoul, made for the whole family since 1998."),
                    "ko", new BrandText("한빛헬스", "1998년부터 서울에서 온 가족을 위해 만든 데일리 비타민, 홍삼, 장 건강 제품."),
                    "id", new BrandText("Hanbit Health", "Vitamin harian, ginseng merah, dan perawatan pencernaan dari Seoul untuk seluruh keluarga sejak 1998."),
                    "ms", new BrandText("Hanbit Health", "Vitamin harian, ginseng merah dan penjagaan usus dari Seoul untuk seluruh keluarga sejak 1998."),
                    "zh", new BrandText("韩光健康", "自1998年起在首尔为全家打造的日常维生素、红参和肠道护理产品。"),
                    "ja", new BrandText("ハンビットヘルス", "1998年からソウルで家族みんなのために作る毎日のビタミン、紅参、腸活ケア。"),
                    "th", new BrandText("ฮันบิท เฮลท์", "วิตามินประจำวัน โสมแดง และผลิตภัณฑ์ดูแลลำไส้จากโซล สำหรับทุกคนในครอบครัวตั้งแต่ปี 1998")),
            "Blue Sea Lab", Map.of(
                    "en", new BrandText("Blue Sea Lab", "Omega-3, krill oil and minerals from clean seas, tested batch by batch."),
                    "ko", new BrandText("블루씨랩", "깨끗한 바다에서 온 오메가3, 크릴오일, 미네랄. 배치마다 검사합니다."),
                    "id", new BrandText("Blue Sea Lab", "Omega-3, minyak krill, dan mineral dari laut yang bersih, diuji per batch."),
                    "ms", new BrandText("Blue Sea Lab", "Omega-3, minyak krill dan mineral dari laut yang bersih, diuji setiap kelompok."),
                    "zh", new BrandText("蓝海实验室", "来自洁净海洋的欧米伽3、磷虾油和矿物质，每批次检测。"),
                    "ja", new BrandText("ブルーシーラボ", "きれいな海からのオメガ3、クリルオイル、ミネラル。ロットごとに検査しています。"),
                    "th", new BrandText("บลูซี แล็บ", "โอเมก้า 3 น้ำมันคริลล์ และแร่ธาตุจากทะเลที่สะอาด ตรวจสอบทุกล็อต")),
            "Glow Lab", Map.of(
                    "en", new BrandText("Glow Lab", "Collagen, hyaluronic acid and beauty from within, developed in Seoul."),
                    "ko", new BrandText("글로우랩", "서울에서 개발한 콜라겐, 히알루론산, 이너뷰티."),
                    "id", new BrandText("Glow Lab", "Kolagen, asam hialuronat, dan kecantikan dari dalam, dikembangkan di Seoul."),
                    "ms", new BrandText("Glow Lab", "Kolagen, asid hialuronik dan kecantikan dari dalam, dibangunkan di Seoul."),
                    "zh", new BrandText("光彩实验室", "首尔研发的胶原蛋白、玻尿酸与内在美。"),
                    "ja", new BrandText("グローラボ", "ソウルで開発したコラーゲン、ヒアルロン酸、インナービューティー。"),
                    "th", new BrandText("โกลว์ แล็บ", "คอลลาเจน ไฮยาลูรอนิก และความงามจากภายใน พัฒนาในโซล")));

    private final Products products;
    private final Categories categories;
    private final MediaStore media;
    private final BrandAdministration brands;
    private final Clock clock;

    DemoCatalog(Products products, Categories categories, MediaStore media, BrandAdministration brands, Clock clock) {
        this.brands = brands;
        this.products = products;
        this.categories = categories;
        this.media = media;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int position = 0;
        for (var row : CATEGORIES) {
            position++;
            var existing = categories.findById(row[0]);
            if (existing.isEmpty()) {
                var category = new Category(row[0], position);
                for (int i = 0; i < CATEGORY_LANGUAGES.size(); i++) {
                    category.name(CATEGORY_LANGUAGES.get(i), row[i + 1]);
                }
                categories.save(category);
            } else if (LATER_LANGUAGES.stream().anyMatch(language -> !existing.get().isNamedIn(language))) {
                // Names in the languages added later, for demos older than them.
                for (var language : LATER_LANGUAGES) {
                    if (!existing.get().isNamedIn(language)) {
                        existing.get().name(language, row[CATEGORY_LANGUAGES.indexOf(language) + 1]);
                    }
                }
                categories.save(existing.get());
            }
        }
        var rows = new ArrayList<Row>();
        for (var item : ITEMS) {
            rows.add(new Row(item, FIRST_CATEGORIES.get(item.sku()), Set.of()));
        }
        rows.addAll(readRows());
        int added = 0;
        var now = clock.instant();
        var brandPlaceholders = new java.util.HashMap<String, String>();
        for (var row : rows) {
            var item = row.item();
            var existing = products.findBySku(item.sku());
            var product = existing.orElseGet(() -> {
                var fresh = new Product(new Sku(item.sku()), item.brand(), new BigDecimal(item.basePriceKrw()), "KRW",
                        now);
                item.texts().forEach((language, text) -> fresh.translate(language,
                        new ProductTranslation(text[0], text[1]), now));
                item.offers().forEach((market, offer) -> fresh.offer(market,
                        offered(market, new MarketOffer(offer[0], new BigDecimal(offer[1])), row.flags()), now));
                return fresh;
            });
            if (product.categoryCode() == null) {
                product.categorize(row.category(), now);
            }
            if (existing.isPresent()) {
                catchUp(product, row, now);
            }
            var english = product.translations().get("en");
            if (english != null && english.description() == null) {
                product.translate("en", new ProductTranslation(english.name(), english.summary(),
                        "<p><strong>" + english.name() + "</strong> by " + item.brand() + ": " + english.summary()
                                + ".</p><ul><li>Made in Korea under HACCP</li><li>Suitable for vegetarians unless"
                                + " stated otherwise</li></ul>",
                        "See the label; main ingredient as named.", "Adults: as directed on the label, with water.",
                        "Keep out of reach of children. Consult a doctor if pregnant or on medication."), now);
            }
            for (var market : product.offers().keySet()) {
                if (product.regulatoryIn(market).isEmpty()) {
                    var attributes = regulatory(market, item.sku(), row.flags());
                    if (!attributes.isEmpty()) {
                        product.recordRegulatory(market, attributes, now);
                    }
                }
            }
            var brandPlaceholder = brandPlaceholders.computeIfAbsent(item.brand(),
                    brand -> MediaStore.nameOf(PlaceholderImages.bottle(brand), ImageFormat.PNG));
            var replacesBrandPlaceholder = product.images().stream()
                    .anyMatch(image -> image.fileName().equals(brandPlaceholder));
            if (product.images().isEmpty() || replacesBrandPlaceholder) {
                var bytes = PlaceholderImages.bottle(item.sku(), label(item.sku(), product));
                var alt = new java.util.TreeMap<String, String>();
                product.translations().forEach((language, text) -> {
                    if (ProductImage.LANGUAGES.contains(language) && ProductImage.validAlt(text.name())) {
                        alt.put(language, text.name());
                    }
                });
                alt.putIfAbsent("en", item.sku());
                var own = media.store(bytes, ImageFormat.PNG);
                var wasMain = replacesBrandPlaceholder
                        && product.images().getFirst().fileName().equals(brandPlaceholder);
                // The brand's bottle out first: a product already showing the maximum of images has room for its own.
                product.removeImage(brandPlaceholder, now);
                product.addImage(new ProductImage(own, PlaceholderImages.SIZE, PlaceholderImages.SIZE, bytes.length,
                        alt), now);
                if (wasMain) {
                    product.makeMainImage(own, now);
                }
            }
            if (product.variants().isEmpty() && item.sku().equals("HS-PROBIO-50B")) {
                product.defineVariants(COUNT, PROBIOTIC_COUNTS, now);
            }
            if (existing.isEmpty()) {
                if (item.published()) {
                    // The demo's products went through the same four-eyes workflow as any other.
                    product.submit(DEMO_EDITOR, now).approve(DEMO_REVIEWER, now).publish(DEMO_REVIEWER, now);
                }
                added++;
            }
            products.save(product);
        }
        log.info("Demo catalog: {} products added, {} already present", added, rows.size() - added);
        brandProfiles();
    }

    /** Each demo brand's texts and logo, once: a profile an operator changed since is theirs. */
    private void brandProfiles() {
        BRAND_TEXTS.forEach((brand, texts) -> {
            if (brands.profile(brand).version() == 0) {
                brands.saveProfile(brand, new BrandProfileEdit(0, texts));
                brands.changeLogo(brand, PlaceholderImages.logo(brand));
            }
        });
    }

    /**
     * What demos older than the Japanese and Thai stores lack: the product's texts in those languages and its offers
     * in those markets, added only when the product has none there (an operator's own choice stays).
     */
    private void catchUp(Product product, Row row, java.time.Instant now) {
        for (var language : LATER_LANGUAGES) {
            var text = row.item().texts().get(language);
            if (text != null && !product.translations().containsKey(language)) {
                product.translate(language, new ProductTranslation(text[0], text[1]), now);
            }
        }
        if (LATER_MARKETS.stream().noneMatch(product.offers()::containsKey)) {
            row.item().offers().forEach((market, offer) -> {
                if (LATER_MARKETS.contains(market)) {
                    product.offer(market, offered(market, new MarketOffer(offer[0], new BigDecimal(offer[1])),
                            row.flags()), now);
                }
            });
        }
    }

    private static final List<String> LATER_LANGUAGES = List.of("ja", "th");
    private static final List<String> LATER_MARKETS = List.of("JP", "TH");

    /**
     * A few letters to print on the product's bottle: the SKU's short name ({@code VITC} of {@code HS-VITC-1000}),
     * else the initials of its English name when that part is long ({@code KRGES} for Korean Red Ginseng Extract
     * Sticks).
     */
    static String label(String sku, Product product) {
        var parts = sku.split("-");
        var shortName = parts.length > 1 ? parts[1] : parts[0];
        if (shortName.length() <= 8) {
            return shortName;
        }
        var english = product.translations().get("en");
        var initials = new StringBuilder();
        for (var word : english == null ? new String[0] : english.name().split("\\s+")) {
            if (!word.isEmpty() && Character.isLetterOrDigit(word.codePointAt(0)) && initials.length() < 5) {
                initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return initials.length() >= 2 ? initials.toString() : shortName.substring(0, 8);
    }

    private MarketOffer offered(String market, MarketOffer offer, Set<String> flags) {
        var result = flags.contains("converted-" + market) ? MarketOffer.converted(offer.currency()) : offer;
        if (flags.contains("sale-" + market) && !result.converted()) {
            var start = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
            result = result.withSale(offer.priceAt(start).multiply(new BigDecimal("0.8")).setScale(2, RoundingMode.DOWN),
                    start, start.plus(Duration.ofDays(30)));
        }
        if (flags.contains("discontinued-" + market)) {
            result = result.withAvailability(Availability.DISCONTINUED);
        }
        return market.equals("ID") ? result.withMaxPerOrder(5) : result;
    }

    /** Valid data per market unless a flag says otherwise; empty when the market requires nothing. */
    private Map<String, String> regulatory(String market, String sku, Set<String> flags) {
        var digits = String.format("%012d", Math.abs((long) sku.hashCode()) % 1_000_000_000_000L);
        return switch (market) {
            case "ID" -> flags.contains("id-nobpom") ? Map.of() : Map.of(
                    "bpomNumber", "POM SI " + digits.substring(3),
                    "halalCertificate", "ID" + digits + "0001",
                    "halalExpiry", flags.contains("id-expired") ? LocalDate.now(clock).minusMonths(2).toString() : HALAL_EXPIRY);
            case "US" -> flags.contains("us-nofacts") ? Map.of() : Map.of(
                    "servingSize", "1 serving", "servingsPerContainer", "30",
                    "supplementFacts", "Amount per serving and % Daily Value as printed on the label");
            case "CN" -> flags.contains("cn-nolist") ? Map.of() : Map.of("hsCode", "2106.90.90",
                    "positiveListEntry", "1");
            default -> Map.of();
        };
    }

    private static List<Row> readRows() {
        var stream = DemoCatalog.class.getResourceAsStream("/demo/products.tsv");
        if (stream == null) {
            throw new IllegalStateException("demo/products.tsv is missing from the classpath");
        }
        var rows = new ArrayList<Row>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var cells = line.split("\\|", -1);
                var texts = new LinkedHashMap<String, String[]>();
                for (int i = 0; i < CATEGORY_LANGUAGES.size() && 8 + 2 * i < cells.length; i++) {
                    var name = cells[7 + 2 * i];
                    if (!name.isBlank()) {
                        texts.put(CATEGORY_LANGUAGES.get(i), new String[] {name, cells[8 + 2 * i]});
                    }
                }
                var krw = new BigDecimal(cells[3]);
                var offers = new LinkedHashMap<String, String[]>();
                for (var market : cells[5].split(",")) {
                    offers.put(market, new String[] {CURRENCIES.get(market), price(market, krw).toPlainString()});
                }
                var flags = cells[6].isBlank() ? Set.<String>of() : Set.of(cells[6].split(","));
                rows.add(new Row(new Item(cells[0], cells[1], cells[3], "Y".equals(cells[4]), texts, offers),
                        cells[2], flags));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static final Map<String, String> CURRENCIES = Map.of("KR", "KRW", "US", "USD", "ID", "IDR", "MY", "MYR",
            "SG", "SGD", "CN", "CNY", "JP", "JPY", "TH", "THB");

    /**
     * A shelf price from the Korean one, rounded the way each market expects (x.99, x.90, whole thousands; yen end in
     * 80 as Japanese shelves do, baht in 9).
     */
    private static BigDecimal price(String market, BigDecimal krw) {
        return switch (market) {
            case "KR" -> krw;
            case "US" -> ending(krw.divide(new BigDecimal("1300"), 0, RoundingMode.CEILING), "0.01");
            case "ID" -> krw.multiply(new BigDecimal("11")).divide(new BigDecimal("1000"), 0, RoundingMode.CEILING)
                    .multiply(new BigDecimal("1000")).subtract(new BigDecimal("1000"));
            case "MY" -> ending(krw.divide(new BigDecimal("300"), 0, RoundingMode.CEILING), "0.10");
            case "SG" -> ending(krw.divide(new BigDecimal("1000"), 0, RoundingMode.CEILING), "0.10");
            case "CN" -> ending(krw.divide(new BigDecimal("185"), 0, RoundingMode.CEILING), "0.10");
            case "JP" -> krw.multiply(new BigDecimal("0.11")).divide(new BigDecimal("100"), 0, RoundingMode.CEILING)
                    .multiply(new BigDecimal("100")).subtract(new BigDecimal("20"));
            case "TH" -> krw.multiply(new BigDecimal("0.025")).divide(new BigDecimal("10"), 0, RoundingMode.CEILING)
                    .multiply(new BigDecimal("10")).subtract(BigDecimal.ONE);
            default -> throw new IllegalArgumentException("No demo prices for " + market);
        };
    }

    private static BigDecimal ending(BigDecimal whole, String less) {
        return whole.subtract(new BigDecimal(less));
    }
}
