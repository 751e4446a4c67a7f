import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The upstream of edge-overhead.sh: a product page of a storefront page's size, served by the JDK's HTTP server on
 * a pool of platform threads (the OS shares the cores fairly among busy requests) with keep-alive.
 * {@code /p/cached} answers at once (a cached page: the edge's overhead at its largest share) and, as internal-was
 * marks the anonymous pages it shares, lets the edge keep it ({@code Onshore-Edge-Cache-Control: max-age=2});
 * {@code /p/uncached} first keeps a core busy for about 1 ms, as rendering an uncached page does, and is not marked
 * (what a page about one shopper is).
 *
 *   java StubPage.java PORT
 */
class StubPage {

    public static void main(String[] args) throws Exception {
        // Without TCP_NODELAY a response waits on the client's delayed ACK (a p50 of ~44 ms at 64 connections, edge
        // or not); beyond 200 idle keep-alive connections the JDK's server closes them (the edge's pooled ones too).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "2048");
        var line = "<p class=\"product-detail\">Vitamin C 1000 mg, 60 tablets: a stand-in for a product page's text.</p>\n";
        var body = ("<!doctype html><html lang=\"id-ID\"><head><meta charset=\"utf-8\"><title>Vitamin C</title></head><body>\n"
                + line.repeat(320) + "</body></html>\n").getBytes(StandardCharsets.UTF_8);
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestURI().getPath().endsWith("/uncached")) {
                    spin(1_000_000);
                }
                exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                if (!exchange.getRequestURI().getPath().endsWith("/uncached")) {
                    exchange.getResponseHeaders().set("Onshore-Edge-Cache-Control", "max-age=2");
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        System.out.println("stub page on " + args[0] + ", " + body.length + " bytes");
    }

    /** Keeps a core busy for about {@code nanos} (less CPU when the machine is shared), like a template render. */
    private static void spin(long nanos) {
        long start = System.nanoTime();
        long x = 0;
        while (System.nanoTime() - start < nanos) {
            for (int i = 0; i < 1000; i++) {
                x += i * 31L ^ x;
            }
        }
        if (x == 42) {
            System.out.print("");
        }
    }
}
