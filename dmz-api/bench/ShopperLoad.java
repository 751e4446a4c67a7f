import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Shoppers through the edge, for the add-to-cart and checkout benchmarks (issue 11): N concurrent guest shoppers, each
 * a virtual thread with its own carts (JDK HttpClient, HTTP/1.1 keep-alive), in a closed loop, measured for a duration
 * after a warm-up. Every cart is one shopper's: its requests carry one client address from 198.18.0.0/15
 * (X-Forwarded-For, believed by the demo edge from loopback), so the edge's per-address rate limits (api 600,
 * checkout 60 a minute) count each shopper, not the benchmark machine.
 *
 * <pre>
 * java dmz-api/bench/ShopperLoad.java add-to-cart --base http://127.0.0.1:8080 --shoppers 64 --seconds 30
 * java -cp mariadb-java-client.jar dmz-api/bench/ShopperLoad.java checkout --base ... --shoppers 64 --seconds 60
 * </pre>
 *
 * <p>{@code add-to-cart}: a shopper creates a cart (POST /api/shop/v1/cart), adds --adds-per-cart lines to it (POST
 * /api/shop/v1/cart/lines, one unit of the next SKU each), then takes a new cart. Prints req/s, p50, p99 and errors of
 * both steps. No database.
 *
 * <p>{@code checkout}: a shopper creates a cart, adds one line (--units of the next SKU), optionally asks for a quote
 * (--quote), places the order (POST /api/shop/v1/orders with a new Idempotency-Key; after a connection error, a 5xx or
 * a 409 "still running" the same request again with the same key, up to 5 times), then pays on the sandbox's hosted
 * page (GET it, POST …/pay; --no-pay leaves the order unpaid). Then it checks MariaDB ($BENCH_DB_HOST, _PORT, _NAME,
 * _USER, _PASSWORD_FILE, as Sql.java): every acknowledged (201) order exists, no order number was acknowledged for two
 * keys, no order of the run exists that no shopper was acknowledged (a retry that placed a second order, beyond the
 * iterations whose every attempt failed), the stock of each SKU moved by exactly the units acknowledged, and (paying)
 * every paid order reached PAID. Paying, it then waits (up to --mail-wait seconds) until the shop has sent every order
 * mail of the run (placed and paid, from its ledger of sent mails) and reports the rate with the mails sent: the
 * answers do not wait for the mails, so a rate the mails cannot follow is not one the shop sustains. Before the run it
 * raises each SKU's stock to at least --stock units and refuses to start while an earlier unpaid order of these SKUs could be cancelled (and its units returned) during the run.
 * Exit status: 0 clean, 1 an integrity failure or (without --allow-errors) any failed request, 2 a setup problem.
 */
class ShopperLoad {

    /** Ten demo products Indonesia sells without a variant to choose (not HS-VITD-2000, the hot-deal benchmark's). */
    static final List<String> DEMO_SKUS = List.of("HS-VITC-1000", "HS-BIOTIN", "HS-COLLAGEN-30", "HS-MULTI-WOMEN",
            "HS-REDGINSENG-TONIC", "HS-KIDS-MULTI", "HS-LUTEIN-60", "HS-COLLAGEN-DRINK", "HS-CALMAG-D", "HS-TURMERIC");
    static final String API = "/api/shop/v1";
    static final String ADDRESS = """
            {"address":{"country":"ID","recipient":"Ani Wijaya","addressLine1":"Jl. Merdeka No. 1","city":"Bandung",\
            "region":"Jawa Barat","postalCode":"40115","phone":"+62 812 0000 0000"},"shippingMethod":"standard",\
            "email":"%s"}""";
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern NUMBER = Pattern.compile("\"order\"\\s*:\\s*\\{\\s*\"number\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern PAYMENT_URL = Pattern.compile("\"paymentUrl\"\\s*:\\s*\"([^\"]+)\"");

    // ---------------------------------------------------------------------------------------------------- options

    record Options(String mode, String base, int shoppers, int seconds, int warmup, long orders, int addsPerCart,
            List<String> skus, int units, boolean pay, boolean quote, long stock, boolean allowErrors, int mailWait) {

        static Options parse(String[] args) {
            if (args.length == 0 || !List.of("add-to-cart", "checkout").contains(args[0])) {
                throw new IllegalArgumentException("first argument: add-to-cart or checkout");
            }
            var values = new HashMap<String, String>();
            var flags = new ArrayList<String>();
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--no-pay", "--quote", "--allow-errors" -> flags.add(args[i]);
                    case "--base", "--shoppers", "--seconds", "--warmup", "--orders", "--adds-per-cart", "--skus",
                            "--units", "--stock", "--mail-wait" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(args[i] + " needs a value");
                        }
                        values.put(args[i], args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            var skus = values.containsKey("--skus") ? List.of(values.get("--skus").split(",")) : DEMO_SKUS;
            return new Options(args[0], values.getOrDefault("--base", "http://127.0.0.1:8080").replaceAll("/+$", ""),
                    positive(values, "--shoppers", 64), positive(values, "--seconds", 30),
                    Integer.parseInt(values.getOrDefault("--warmup", "10")),
                    Long.parseLong(values.getOrDefault("--orders", "0")), positive(values, "--adds-per-cart", 5),
                    skus, positive(values, "--units", 1), !flags.contains("--no-pay"), flags.contains("--quote"),
                    Long.parseLong(values.getOrDefault("--stock", "500000")), flags.contains("--allow-errors"),
                    Integer.parseInt(values.getOrDefault("--mail-wait", "600")));
        }

        private static int positive(Map<String, String> values, String name, int fallback) {
            var value = Integer.parseInt(values.getOrDefault(name, String.valueOf(fallback)));
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1");
            }
            return value;
        }
    }

    // ------------------------------------------------------------------------------------------------ measurement

    /** When the measured window opens and closes (System.nanoTime); requests started inside it are the figures. */
    static final class Window {
        volatile long start = Long.MAX_VALUE;
        volatile long end = Long.MAX_VALUE;

        boolean contains(long nanos) {
            return nanos >= start && nanos < end;
        }

        double seconds() {
            return (end - start) / 1e9;
        }
    }

    /** One step's latencies and errors inside the window (errors outside it are counted apart). */
    static final class Step {
        final String name;
        private long[] latencies = new long[1 << 14];
        private int size;
        long errors;
        long errorsOutside;
        final List<String> samples = new ArrayList<>();

        Step(String name) {
            this.name = name;
        }

        synchronized void ok(boolean measured, long nanos) {
            if (measured) {
                if (size == latencies.length) {
                    latencies = Arrays.copyOf(latencies, size * 2);
                }
                latencies[size++] = nanos;
            }
        }

        synchronized void failed(boolean measured, String what) {
            if (measured) {
                errors++;
            } else {
                errorsOutside++;
            }
            if (samples.size() < 5) {
                samples.add(what);
            }
        }

        synchronized long count() {
            return size;
        }

        synchronized double percentileMs(double q) {
            if (size == 0) {
                return Double.NaN;
            }
            var sorted = Arrays.copyOf(latencies, size);
            Arrays.sort(sorted);
            return sorted[(int) Math.max(0, Math.ceil(q * size) - 1)] / 1e6;
        }
    }

    record Answer(int status, String body, long nanos) {

        boolean transportFailed() {
            return status == 0;
        }
    }

    // ------------------------------------------------------------------------------------------------------ HTTP

    final Options options;
    final HttpClient http;
    final Window window = new Window();
    final AtomicLong addresses = new AtomicLong(new java.util.Random().nextInt(1 << 17));
    final AtomicLong acknowledgedInWindow = new AtomicLong();
    volatile boolean stop;

    ShopperLoad(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** The next shopper's address: 131,072 in turn from RFC 2544's benchmarking block 198.18.0.0/15. */
    String nextAddress() {
        long n = addresses.getAndIncrement() % (1 << 17);
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    HttpRequest.Builder request(String path, String address) {
        return HttpRequest.newBuilder(URI.create(options.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Accept-Language", "id-ID")
                .header("X-Forwarded-For", address);
    }

    static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    /** Sends the request; a transport failure is status 0 with its exception as the body. */
    Answer send(HttpRequest request) {
        long started = System.nanoTime();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), started);
        } catch (IOException e) {
            return new Answer(0, e.toString(), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString(), started);
        }
    }

    /** Sends and records in {@code step}: the expected status is a success, anything else an error. */
    Answer timed(Step step, HttpRequest request, int expected) {
        var answer = send(request);
        long elapsed = System.nanoTime() - answer.nanos();
        boolean measured = window.contains(answer.nanos());
        if (answer.status() == expected) {
            step.ok(measured, elapsed);
        } else {
            step.failed(measured, request.method() + " " + request.uri().getRawPath() + " → " + answer.status() + " "
                    + answer.body().substring(0, Math.min(200, answer.body().length())).replace('\n', ' '));
        }
        return answer;
    }

    static String first(Pattern pattern, String body) {
        var matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    String newCart(Step step, String address) {
        var answer = timed(step, request(API + "/cart", address).header("Content-Type", "application/json")
                .POST(json("{\"market\":\"ID\"}")).build(), 201);
        return answer.status() == 201 ? first(TOKEN, answer.body()) : null;
    }

    HttpRequest addLine(String token, String address, String sku, int quantity) {
        return request(API + "/cart/lines", address).header("Content-Type", "application/json")
                .header("Cart-Token", token)
                .POST(json("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}")).build();
    }

    /** The SKUs of the list that one cart in Indonesia takes one unit of now (sold there, in stock). */
    List<String> sellable(List<String> candidates) {
        var probe = new Step("probe");
        var sellable = new ArrayList<String>();
        for (var sku : candidates) {
            var address = nextAddress();
            var token = newCart(probe, address);
            if (token == null) {
                throw new IllegalStateException("no cart: " + probe.samples);
            }
            var answer = send(addLine(token, address, sku, 1));
            if (answer.status() == 200) {
                sellable.add(sku);
            } else {
                System.err.println(sku + " left out: a cart in Indonesia answered " + answer.status());
            }
        }
        return sellable;
    }

    /** Runs the shoppers: warm-up, then the window (seconds, or until enough orders), then waits for them. */
    void drive(Runnable iteration) throws InterruptedException {
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < options.shoppers(); i++) {
            threads.add(Thread.ofVirtual().name("shopper-" + i).start(() -> {
                while (!stop) {
                    iteration.run();
                }
            }));
        }
        Thread.sleep(options.warmup() * 1000L);
        window.start = System.nanoTime();
        System.err.printf("warm-up done (%d s), measuring%n", options.warmup());
        if (options.orders() > 0) {
            while (acknowledgedInWindow.get() < options.orders()) {
                Thread.sleep(20);
            }
        } else {
            Thread.sleep(options.seconds() * 1000L);
        }
        window.end = System.nanoTime();
        stop = true;
        for (var thread : threads) {
            thread.join();
        }
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    String row(Step step, String what) {
        return "| " + what + " | " + step.count() + " | " + String.format(Locale.ROOT, "%.0f", step.count() / window.seconds())
                + " | " + ms(step.percentileMs(0.50)) + " | " + ms(step.percentileMs(0.99)) + " | " + step.errors + " |";
    }

    static void printErrors(List<Step> steps) {
        for (var step : steps) {
            if (step.errors + step.errorsOutside > 0) {
                System.err.println(step.name + ": " + step.errors + " failed in the window, " + step.errorsOutside
                        + " outside it; first: ");
                step.samples.forEach(sample -> System.err.println("  " + sample));
            }
        }
    }

    static String machine() {
        var load = "?";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores, load average " + load;
    }

    // ------------------------------------------------------------------------------------------------ add to cart

    int addToCart() throws InterruptedException {
        var skus = sellable(options.skus());
        if (skus.isEmpty()) {
            System.err.println("none of " + options.skus() + " can be put in a cart in Indonesia");
            return 2;
        }
        if (options.addsPerCart() > 10 * skus.size()) {
            System.err.println("--adds-per-cart above 10 per SKU: the demo's per-order maximum (10) refuses more");
            return 2;
        }
        var create = new Step("new cart");
        var add = new Step("add to cart");
        var turn = new AtomicLong();
        System.err.printf("%d shoppers, %d SKUs, warm-up %d s, then %d s%n", options.shoppers(), skus.size(),
                options.warmup(), options.seconds());
        System.out.println("machine: " + machine() + " (before)");
        drive(() -> {
            var address = nextAddress();
            var token = newCart(create, address);
            if (token == null) {
                return;
            }
            long first = turn.getAndAdd(options.addsPerCart());
            for (int i = 0; i < options.addsPerCart() && !stop; i++) {
                timed(add, addLine(token, address, skus.get((int) ((first + i) % skus.size())), 1), 200);
            }
        });
        System.out.println("machine: " + machine() + " (after)");
        System.out.println();
        System.out.printf("%d shoppers (one cart at a time each, %d lines a cart, one unit of the next of %d SKUs a "
                + "line), %.1f s measured after a %d s warm-up, through %s%n%n", options.shoppers(),
                options.addsPerCart(), skus.size(), window.seconds(), options.warmup(), options.base());
        System.out.println("| step | requests | req/s | p50 ms | p99 ms | errors |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.println(row(add, "add to cart `POST " + API + "/cart/lines`"));
        System.out.println(row(create, "new cart `POST " + API + "/cart`"));
        System.out.println();
        var p99 = add.percentileMs(0.99);
        System.out.println("add to cart p99 " + ms(p99) + " ms: target ≤ 200 ms " + (p99 <= 200 ? "met" : "NOT met"));
        printErrors(List.of(create, add));
        return create.errors + add.errors + create.errorsOutside + add.errorsOutside > 0 && !options.allowErrors() ? 1
                : 0;
    }

    // --------------------------------------------------------------------------------------------------- checkout

    record Acknowledged(String key, String number, String sku, int units, boolean paid) {
    }

    int checkout() throws Exception {
        var skus = sellableAfterTopUp();
        if (skus == null) {
            return 2;
        }
        var steps = new LinkedHashMap<String, Step>();
        for (var name : List.of("new cart", "add to cart", "quote", "place order", "payment page", "pay",
                "whole checkout")) {
            steps.put(name, new Step(name));
        }
        var acknowledged = new ConcurrentLinkedQueue<Acknowledged>();
        var failedPlacements = new AtomicLong();
        var retried = new AtomicLong();
        var ackedAfterRetry = new AtomicLong();
        var payFailures = new AtomicLong();
        var turn = new AtomicLong();

        try (var db = database()) {
            var mark = one(db, "SELECT COALESCE(MAX(placed_at), '1970-01-02 00:00:00') FROM shop_order");
            var pending = one(db, "SELECT COUNT(*) FROM stock_reservation r JOIN shop_order o ON o.number = "
                    + "r.order_number WHERE r.state = 'HELD' AND r.sku IN (" + in(skus) + ") AND (o.pay_by < "
                    + "UTC_TIMESTAMP(6) + INTERVAL " + (options.warmup() + options.seconds() + 600) + " SECOND OR "
                    + "r.expires_at < UTC_TIMESTAMP(6) + INTERVAL " + (options.warmup() + options.seconds() + 600)
                    + " SECOND)");
            if (!"0".equals(pending)) {
                System.err.println(pending + " unpaid orders of these SKUs (an earlier --no-pay run?) may be cancelled "
                        + "during the run, returning their units: wait until their pay-by time has passed (30 min "
                        + "after they were placed, + 5 min), or give other --skus");
                return 2;
            }
            var before = stock(db, skus);
            System.err.printf("%d shoppers, SKUs %s, %s, warm-up %d s, then %s%n", options.shoppers(), skus,
                    options.pay() ? "paying" : "not paying", options.warmup(),
                    options.orders() > 0 ? options.orders() + " orders" : options.seconds() + " s");
            System.out.println("machine: " + machine() + " (before)");
            drive(() -> {
                var address = nextAddress();
                long started = System.nanoTime();
                var token = newCart(steps.get("new cart"), address);
                if (token == null) {
                    return;
                }
                var sku = skus.get((int) (turn.getAndIncrement() % skus.size()));
                if (timed(steps.get("add to cart"), addLine(token, address, sku, options.units()), 200).status() != 200) {
                    return;
                }
                // 256 recipients, not one per checkout: the demo relay (GreenMail) keeps a mailbox per recipient and
                // finds it by a linear scan, so every new address made each later mail dearer (after a few runs, 34 %
                // of the relay's CPU went to that scan); a shop's relay keeps no mailboxes, and shoppers come back.
                var body = ADDRESS.formatted("bench+" + Math.floorMod(address.hashCode(), 256) + "@example.com");
                if (options.quote() && timed(steps.get("quote"), request(API + "/checkout", address)
                        .header("Content-Type", "application/json").header("Cart-Token", token).POST(json(body))
                        .build(), 200).status() != 200) {
                    return;
                }
                var key = UUID.randomUUID().toString();
                var order = request(API + "/orders", address).header("Content-Type", "application/json")
                        .header("Cart-Token", token).header("Idempotency-Key", key).POST(json(body)).build();
                Answer placed = null;
                for (int attempt = 1; attempt <= 5; attempt++) {
                    var answer = timed(steps.get("place order"), order, 201);
                    if (answer.status() == 201) {
                        placed = answer;
                        if (attempt > 1) {
                            ackedAfterRetry.incrementAndGet();
                        }
                        break;
                    }
                    boolean again = answer.transportFailed() || answer.status() >= 500
                            || answer.status() == 409 && answer.body().contains("idempotency-key/running");
                    if (!again || attempt == 5) {
                        break;
                    }
                    retried.incrementAndGet();
                    sleep(100L * attempt);
                }
                if (placed == null) {
                    failedPlacements.incrementAndGet();
                    return;
                }
                var number = first(NUMBER, placed.body());
                var paymentUrl = first(PAYMENT_URL, placed.body());
                if (window.contains(System.nanoTime())) {
                    acknowledgedInWindow.incrementAndGet();
                }
                boolean paid = false;
                if (options.pay() && paymentUrl != null) {
                    var path = URI.create(paymentUrl).getRawPath();
                    var page = timed(steps.get("payment page"), request(path, address).setHeader("Accept", "text/html")
                            .GET().build(), 200);
                    if (page.status() == 200) {
                        paid = timed(steps.get("pay"), request(path + "/pay", address).setHeader("Accept", "text/html")
                                .POST(HttpRequest.BodyPublishers.noBody()).build(), 303).status() == 303;
                    }
                    if (!paid) {
                        payFailures.incrementAndGet();
                    }
                }
                acknowledged.add(new Acknowledged(key, number, sku, options.units(), paid));
                if (!options.pay() || paid) {
                    steps.get("whole checkout").ok(window.contains(started), System.nanoTime() - started);
                }
            });
            System.out.println("machine: " + machine() + " (after)");
            return report(db, mark, skus, before, steps, acknowledged, failedPlacements.get(), retried.get(),
                    ackedAfterRetry.get(), payFailures.get());
        }
    }

    int report(Connection db, String mark, List<String> skus, Map<String, Long> before, Map<String, Step> steps,
            ConcurrentLinkedQueue<Acknowledged> acknowledged, long failedPlacements, long retried, long ackedAfterRetry, long payFailures)
            throws SQLException, InterruptedException {
        var acks = new ArrayList<>(acknowledged);
        // The shop's answer named an order: which did MariaDB keep, once, and did any number come back for two keys?
        var byNumber = new HashMap<String, Integer>();
        acks.forEach(ack -> byNumber.merge(String.valueOf(ack.number()), 1, Integer::sum));
        long numberTwice = byNumber.values().stream().filter(n -> n > 1).count();
        long paidAcks = acks.stream().filter(Acknowledged::paid).count();
        // Paid orders reach PAID when the sandbox's webhook has been handled: give it up to 60 s.
        var polled = runOrders(db, mark);
        for (int i = 0; i < 120 && options.pay() && paidCount(polled, byNumber) < paidAcks; i++) {
            Thread.sleep(500);
            polled = runOrders(db, mark);
        }
        var runOrders = polled;
        long missing = byNumber.keySet().stream().filter(n -> !runOrders.containsKey(n)).count();
        long unacknowledged = runOrders.keySet().stream().filter(n -> !byNumber.containsKey(n)).count();
        long paidReached = paidCount(runOrders, byNumber);
        var after = stock(db, skus);
        var orderedUnits = new HashMap<String, Long>();
        acks.forEach(ack -> orderedUnits.merge(ack.sku(), (long) ack.units(), Long::sum));

        System.out.println();
        System.out.printf("%d shoppers (guests, one cart per order, one line of %d unit(s), %d SKUs in turn, %s%s), "
                + "%.1f s measured after a %d s warm-up, through %s%n%n", options.shoppers(), options.units(),
                skus.size(), options.quote() ? "a quote, " : "", options.pay() ? "paid on the sandbox's page"
                : "not paid", window.seconds(), options.warmup(), options.base());
        System.out.println("| step | requests | req/s | p50 ms | p99 ms | errors |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.println(row(steps.get("new cart"), "new cart `POST " + API + "/cart`"));
        System.out.println(row(steps.get("add to cart"), "add to cart `POST " + API + "/cart/lines`"));
        if (options.quote()) {
            System.out.println(row(steps.get("quote"), "quote `POST " + API + "/checkout`"));
        }
        System.out.println(row(steps.get("place order"), "place order `POST " + API + "/orders` (Idempotency-Key)"));
        if (options.pay()) {
            System.out.println(row(steps.get("payment page"), "payment page `GET /sandbox-pay/{ref}`"));
            System.out.println(row(steps.get("pay"), "pay `POST /sandbox-pay/{ref}/pay` (303)"));
        }
        System.out.println(row(steps.get("whole checkout"), "whole checkout (one shopper, cart to "
                + (options.pay() ? "paid" : "order") + ")"));
        System.out.println();
        double rate = acknowledgedInWindow.get() / window.seconds();
        System.out.printf(Locale.ROOT, "orders acknowledged in the window: %d in %.1f s = **%.1f orders/s** (target ≥ "
                + "200); place-order p99 %s ms (target ≤ 300)%n", acknowledgedInWindow.get(), window.seconds(), rate,
                ms(steps.get("place order").percentileMs(0.99)));
        System.out.println();
        System.out.println("| integrity (MariaDB, the whole run with warm-up) | count |");
        System.out.println("|---|---|");
        System.out.println("| orders acknowledged (201) | " + acks.size() + " |");
        System.out.println("| of them acknowledged to a retry with the same Idempotency-Key (attempts retried: "
                + retried + ") | " + ackedAfterRetry + " |");
        System.out.println("| acknowledged but not in MariaDB (lost) | " + missing + " |");
        System.out.println("| one order number acknowledged for two keys | " + numberTwice + " |");
        System.out.println("| orders of the run in MariaDB | " + runOrders.size() + " |");
        System.out.println("| in MariaDB but never acknowledged | " + unacknowledged + " |");
        System.out.println("| checkouts whose every attempt failed | " + failedPlacements + " |");
        if (options.pay()) {
            System.out.println("| paid on the sandbox page / reached PAID | " + paidAcks + " / " + paidReached + " |");
            System.out.println("| payments that failed on the page | " + payFailures + " |");
        }
        var mails = options.pay() ? mailsDrained(db, mark, runOrders.size() + paidReached) : null;
        if (mails != null) {
            System.out.println("| order mails (placed + paid) sent / expected | " + mails.sent() + " / "
                    + mails.expected() + " |");
        }
        System.out.println();
        if (mails != null) {
            // The answers do not wait for the mails: the shop mails from its event publications afterwards. An
            // acknowledged rate its mails cannot follow only piles up work, so the rate with the mails is the one a
            // shop sustains.
            System.out.printf(Locale.ROOT, mails.sent() < mails.expected()
                    ? "order mails: %d of %d sent %.0f s after the window closed (--mail-wait); the rest still queued%n%n"
                    : "order mails: the last of %2$d sent %3$.1f s after the window closed: **%4$.1f orders/s with their "
                    + "mails sent** (the window's orders over the window and that drain)%n%n", mails.sent(),
                    mails.expected(), mails.seconds(), acknowledgedInWindow.get() / (window.seconds() + mails.seconds()));
        }
        System.out.println("| SKU | stock before | after | moved | units acknowledged |");
        System.out.println("|---|---|---|---|---|");
        boolean stockMatches = true;
        for (var sku : skus) {
            long moved = before.get(sku) - after.get(sku);
            long ordered = orderedUnits.getOrDefault(sku, 0L);
            stockMatches &= moved == ordered;
            System.out.println("| " + sku + " | " + before.get(sku) + " | " + after.get(sku) + " | " + moved + " | "
                    + ordered + (moved == ordered ? "" : " ≠") + " |");
        }
        System.out.println();
        var failures = new ArrayList<String>();
        if (missing > 0) {
            failures.add(missing + " acknowledged orders lost");
        }
        if (numberTwice > 0 || acks.stream().anyMatch(a -> a.number() == null)) {
            failures.add("order numbers acknowledged twice or unreadable");
        }
        if (unacknowledged > failedPlacements) {
            failures.add((unacknowledged - failedPlacements) + " orders more in MariaDB than acknowledged or failed "
                    + "(duplicates)");
        }
        if (!stockMatches) {
            failures.add("stock moved by other than the units acknowledged");
        }
        if (paidReached < paidAcks) {
            failures.add((paidAcks - paidReached) + " paid orders did not reach PAID within 60 s");
        }
        var all = new ArrayList<>(steps.values());
        printErrors(all);
        if (!failures.isEmpty()) {
            System.out.println("FAIL: " + String.join("; ", failures));
            return 1;
        }
        long errors = all.stream().mapToLong(s -> s.errors + s.errorsOutside).sum();
        System.out.println("PASS: 0 lost, 0 duplicated, stock moved by exactly the units acknowledged"
                + (errors > 0 ? " (" + errors + " failed requests)" : ""));
        return errors > 0 && !options.allowErrors() ? 1 : 0;
    }

    record Mails(long sent, long expected, double seconds) {
    }

    /**
     * Waits up to --mail-wait seconds until the order mails of the run's orders (one when placed, one when paid) are
     * sent, as the shop's ledger of sent mails says; how many were sent and how long after the window closed.
     */
    Mails mailsDrained(Connection db, String mark, long expected) throws SQLException, InterruptedException {
        var sql = "SELECT COUNT(*) FROM notification_sent WHERE state = 'SENT' AND kind IN ('PLACED', 'PAID') AND "
                + "order_number IN (SELECT number FROM shop_order WHERE placed_at > '" + mark + "')";
        long deadline = System.nanoTime() + options.mailWait() * 1_000_000_000L;
        long sent = Long.parseLong(one(db, sql));
        while (sent < expected && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            sent = Long.parseLong(one(db, sql));
        }
        return new Mails(sent, expected, (System.nanoTime() - window.end) / 1e9);
    }

    static long paidCount(Map<String, String> runOrders, Map<String, Integer> acknowledged) {
        return runOrders.entrySet().stream().filter(e -> acknowledged.containsKey(e.getKey()))
                .filter(e -> "PAID".equals(e.getValue())).count();
    }

    /** The SKUs that take a unit now, with their stock raised to --stock; null (after saying why) when none. */
    List<String> sellableAfterTopUp() throws SQLException {
        try (var db = database()) {
            try (var statement = db.prepareStatement("UPDATE stock SET available = GREATEST(available, ?) WHERE sku = ?")) {
                for (var sku : options.skus()) {
                    statement.setLong(1, options.stock());
                    statement.setString(2, sku);
                    statement.executeUpdate();
                }
            }
        }
        var skus = sellable(options.skus());
        if (skus.isEmpty()) {
            System.err.println("none of " + options.skus() + " can be bought in Indonesia");
            return null;
        }
        return skus;
    }

    static Connection database() throws SQLException {
        var env = System.getenv();
        var url = "jdbc:mariadb://" + env.getOrDefault("BENCH_DB_HOST", "127.0.0.1") + ":"
                + env.getOrDefault("BENCH_DB_PORT", "3306") + "/" + env.getOrDefault("BENCH_DB_NAME", "onshore");
        String password;
        try {
            password = Files.readString(Path.of(env.getOrDefault("BENCH_DB_PASSWORD_FILE",
                    "var/secrets/master/db-app-password"))).strip();
        } catch (IOException e) {
            throw new SQLException("no database password: " + e);
        }
        return DriverManager.getConnection(url, env.getOrDefault("BENCH_DB_USER", "onshore"), password);
    }

    static String one(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static String in(List<String> skus) {
        return String.join(",", skus.stream().map(s -> "'" + s.replace("'", "''") + "'").toList());
    }

    static Map<String, Long> stock(Connection db, List<String> skus) throws SQLException {
        var stock = new HashMap<String, Long>();
        try (var statement = db.createStatement();
                var rows = statement.executeQuery("SELECT sku, available FROM stock WHERE sku IN (" + in(skus) + ")")) {
            while (rows.next()) {
                stock.put(rows.getString(1), rows.getLong(2));
            }
        }
        return stock;
    }

    /** The orders placed after the mark (the newest order before the run), number → status. */
    static Map<String, String> runOrders(Connection db, String mark) throws SQLException {
        var orders = new HashMap<String, String>();
        try (var statement = db.prepareStatement("SELECT number, status FROM shop_order WHERE placed_at > ?")) {
            statement.setString(1, mark);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    orders.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return orders;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ShopperLoad.java add-to-cart|checkout [--base URL] [--shoppers 64] [--seconds 30] "
                    + "[--warmup 10] [--orders N] [--adds-per-cart 5] [--skus A,B] [--units 1] [--no-pay] [--quote] "
                    + "[--stock 500000] [--allow-errors] [--mail-wait 600]");
            System.exit(2);
            return;
        }
        var load = new ShopperLoad(options);
        System.exit("add-to-cart".equals(options.mode()) ? load.addToCart() : load.checkout());
    }
}
