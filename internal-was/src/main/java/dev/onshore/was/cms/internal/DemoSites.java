package dev.onshore.was.cms.internal;

import dev.onshore.i18n.market.Markets;
import dev.onshore.was.cms.ItemContent;
import dev.onshore.was.cms.ItemContent.Rule;
import dev.onshore.was.cms.PageTemplate;
import dev.onshore.was.cms.SiteContent;
import java.time.Clock;
import java.time.LocalDate;
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
 * The demo's home pages (profile {@code demo}), one per market: a hero banner for every language, a hot deal, a
 * greeting and an HTML note in the market's language, a year-end notice scheduled two weeks ahead (to preview),
 * best-sellers and a vitamins list. Idempotent: a market whose home page exists is left as operators made it.
 */
@Component
@Profile("demo")
class DemoSites implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSites.class);

    /** The storefront's markets and the language their pages are written in. */
    private static final Map<String, String> MARKETS = Map.of("KR", "ko", "US", "en", "ID", "id", "MY", "ms", "SG",
            "en", "CN", "zh", "JP", "ja", "TH", "th");

    private static final Map<String, String> HOT_DEAL_SKU = Map.of("ID", "HS-COLLAGEN-30", "KR",
            "HS-REDGINSENG-TONIC", "MY", "HS-COLLAGEN-30");

    private static final Map<String, String> ALT = Map.of(
            "en", "Korean vitamins and red ginseng on a sunny breakfast table",
            "ko", "햇살 드는 아침 식탁 위의 한국 비타민과 홍삼",
            "id", "Vitamin dan ginseng merah Korea di atas meja sarapan yang cerah",
            "ms", "Vitamin dan ginseng merah Korea di atas meja sarapan yang cerah",
            "zh", "阳光早餐桌上的韩国维生素与红参",
            "ja", "陽の差す朝食のテーブルに並ぶ韓国のビタミンと紅参",
            "th", "วิตามินและโสมแดงเกาหลีบนโต๊ะอาหารเช้าที่มีแสงแดดส่องถึง");

    /** Per language: hot deal title, greeting, HTML note, best-sellers title, vitamins title, year-end notice. */
    private static final Map<String, List<String>> TEXTS = Map.of(
            "en", List.of("Today's hot deal", "Genuine Korean supplements, shipped from Seoul with tracking.",
                    "<p><strong>Free shipping</strong> on your first order. <em>Halal-certified</em> products are marked on their page.</p>",
                    "Best-sellers", "Vitamins and minerals", "Year-end sale: up to 30% off, starting soon."),
            "ko", List.of("오늘의 핫딜", "서울에서 바로 보내는 정품 건강기능식품, 배송 추적 가능.",
                    "<p>첫 주문 <strong>무료 배송</strong>. <em>할랄 인증</em> 제품은 상품 페이지에 표시됩니다.</p>",
                    "베스트셀러", "비타민·미네랄", "연말 세일: 최대 30% 할인, 곧 시작합니다."),
            "id", List.of("Promo kilat hari ini", "Suplemen Korea asli, dikirim dari Seoul dengan pelacakan.",
                    "<p><strong>Gratis ongkir</strong> untuk pesanan pertama Anda. Produk <em>bersertifikat halal</em> ditandai di halamannya.</p>",
                    "Terlaris", "Vitamin dan mineral", "Harbolnas: diskon hingga 30%, segera dimulai."),
            "ms", List.of("Tawaran hangat hari ini", "Suplemen Korea tulen, dihantar dari Seoul dengan penjejakan.",
                    "<p><strong>Penghantaran percuma</strong> untuk pesanan pertama anda. Produk <em>diperakui halal</em> ditanda di halamannya.</p>",
                    "Paling laris", "Vitamin dan mineral", "Jualan akhir tahun: diskaun sehingga 30%, bermula tidak lama lagi."),
            "zh", List.of("今日特惠", "正品韩国保健品，首尔直邮，全程可追踪。",
                    "<p>首单<strong>免运费</strong>。<em>清真认证</em>产品在商品页面上有标注。</p>",
                    "畅销商品", "维生素与矿物质", "年终大促：最高七折，即将开始。"),
            "ja", List.of("本日のタイムセール", "韓国の正規品サプリメントを、追跡付きでソウルから直送。",
                    "<p>初回のご注文は<strong>送料無料</strong>。<em>ハラール認証</em>済みの商品は商品ページに表示しています。</p>",
                    "売れ筋ランキング", "ビタミン・ミネラル", "年末セール：最大30%オフ、まもなく開始。"),
            "th", List.of("ดีลเด็ดวันนี้", "อาหารเสริมเกาหลีของแท้ ส่งตรงจากโซลพร้อมระบบติดตามพัสดุ",
                    "<p><strong>ส่งฟรี</strong>สำหรับคำสั่งซื้อแรกของคุณ สินค้าที่<em>ได้รับการรับรองฮาลาล</em>มีระบุไว้ในหน้าสินค้า</p>",
                    "สินค้าขายดี", "วิตามินและแร่ธาตุ", "ลดส่งท้ายปี: ลดสูงสุด 30% เร็ว ๆ นี้"));

    private final SiteContent content;
    private final Pages pages;
    private final Markets markets;
    private final Clock clock;

    DemoSites(SiteContent content, Pages pages, Markets markets, Clock clock) {
        this.content = content;
        this.pages = pages;
        this.markets = markets;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int created = 0;
        for (var entry : MARKETS.entrySet()) {
            if (pages.findByMarketAndPageKey(entry.getKey(), SiteContent.HOME).isEmpty()) {
                home(entry.getKey(), entry.getValue());
                created++;
            }
        }
        log.info("Demo CMS: {} home pages created, {} markets in all", created, MARKETS.size());
    }

    private void home(String market, String language) {
        var text = TEXTS.get(language);
        var zone = markets.find(market).orElseThrow().zone();
        var inTwoWeeks = LocalDate.now(clock.withZone(zone)).plusDays(14).atStartOfDay();
        var path = "/" + language + "-" + market.toLowerCase(java.util.Locale.ROOT);
        put(market, "hero", "*", 10, new ItemContent.Banner("/img/cms/hero.svg", path + "/c/health.vitamins", ALT));
        put(market, "highlights", language, 30, new ItemContent.HotDeal(text.get(0),
                HOT_DEAL_SKU.getOrDefault(market, "HS-VITD-2000")));
        put(market, "highlights", language, 20, new ItemContent.Text(text.get(1)));
        put(market, "highlights", language, 10, new ItemContent.Html(text.get(2)));
        content.schedule(market, SiteContent.HOME, PageTemplate.HOME, "highlights", language, 40, inTwoWeeks,
                inTwoWeeks.plusDays(3), new ItemContent.Text(text.get(5)));
        put(market, "products", language, 20, new ItemContent.ProductList(text.get(3), Rule.BEST_SELLERS, List.of(),
                null, 8));
        put(market, "products", language, 10, new ItemContent.ProductList(text.get(4), Rule.CATEGORY, List.of(),
                "health.vitamins", 8));
    }

    private void put(String market, String corner, String language, int priority, ItemContent item) {
        content.schedule(market, SiteContent.HOME, PageTemplate.HOME, corner, language, priority, null, null, item);
    }
}
