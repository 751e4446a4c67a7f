package dev.onshore.i18n;

import dev.onshore.i18n.context.ShopperContext;
import dev.onshore.i18n.context.ShopperContextResolver;
import dev.onshore.i18n.context.ShopperRequest;
import dev.onshore.i18n.geoip.CountryLookup;
import dev.onshore.i18n.geoip.MaxMindCountryLookup;
import dev.onshore.i18n.market.Market;
import dev.onshore.i18n.market.Markets;
import dev.onshore.i18n.money.Money;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A page view's globalization work: resolve the shopper's context from a realistic request mix (GeoIP on a real
 * .mmdb, Accept-Language, cookies, URL prefixes, a crawler), then format 20 prices in the shopper's locale and
 * currency. Target: at least 200k resolutions per second per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ShopperResolutionBenchmark {

    private static final String CHROME =
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

    private ShopperContextResolver resolver;
    private ShopperRequest[] requests;
    private Map<String, Money[]> prices;
    private int next;

    @Setup
    public void setUp() {
        Path database = Path.of("../../shared/geoip-test-data/GeoIP2-Country-Test.mmdb");
        CountryLookup lookup = Files.isReadable(database)
                ? new MaxMindCountryLookup(database, Duration.ofMinutes(1)) : CountryLookup.none();
        if (!Files.isReadable(database)) {
            System.err.println("GeoIP test database absent: benchmarking without GeoIP");
        }
        Markets markets = Markets.defaults();
        resolver = new ShopperContextResolver(markets, lookup);
        requests = new ShopperRequest[] {
            new ShopperRequest(null, "/", "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "2001:220::1", CHROME),
            new ShopperRequest(null, "/products/42", "id-ID,id;q=0.9,en-US;q=0.8", "175.16.199.1", CHROME),
            new ShopperRequest("1|ID|id-ID|IDR|Asia/Jakarta", "/cart", "id-ID", "81.2.69.142", CHROME),
            new ShopperRequest(null, "/ms-my/products/42", "en-US,en;q=0.9", "216.160.83.56", CHROME),
            new ShopperRequest(null, "/", "zh-CN,zh;q=0.9", "175.16.199.1", CHROME),
            new ShopperRequest(null, "/", "en-US,en;q=0.5,*;q=0.1", "216.160.83.56", CHROME),
            new ShopperRequest(null, "/", null, "2001:218::1", CHROME),
            new ShopperRequest(null, "/", null, "66.249.66.1", "Mozilla/5.0 (compatible; Googlebot/2.1)"),
        };
        prices = new HashMap<>();
        for (Market market : markets.all()) {
            Money[] list = new Money[20];
            // 19.99, 39.98, ... in two-digit currencies; 19,990, 39,980, ... in KRW, IDR, JPY, VND.
            BigDecimal scale = Money.zero(market.currency()).fractionDigits() == 0 ? BigDecimal.valueOf(1000)
                    : BigDecimal.ONE;
            for (int i = 0; i < list.length; i++) {
                list[i] = market.rounding().apply(
                        new Money(BigDecimal.valueOf(1_999L * (i + 1), 2).multiply(scale), market.currency()));
            }
            prices.put(market.currency().getCurrencyCode(), list);
        }
    }

    @Benchmark
    public ShopperContext resolve() {
        return resolver.resolve(requests[next++ & 7]);
    }

    @Benchmark
    public void resolveAndFormat20Prices(Blackhole blackhole) {
        ShopperContext context = resolver.resolve(requests[next++ & 7]);
        Money[] list = prices.get(context.currency().getCurrencyCode());
        for (Money price : list) {
            blackhole.consume(price.format(context.locale()));
        }
    }

    /** For a quick look without JMH: prints one formatted page worth of prices per request. */
    public static void main(String[] args) {
        ShopperResolutionBenchmark benchmark = new ShopperResolutionBenchmark();
        benchmark.setUp();
        for (ShopperRequest request : benchmark.requests) {
            ShopperContext context = benchmark.resolver.resolve(request);
            System.out.println(context + " " + List.of(benchmark.prices.get(context.currency().getCurrencyCode()))
                    .subList(0, 3).stream().map(m -> m.format(context.locale())).toList());
        }
    }
}
