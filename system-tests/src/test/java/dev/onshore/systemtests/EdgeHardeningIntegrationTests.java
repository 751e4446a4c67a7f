package dev.onshore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.onshore.devstack.Appliance;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The edge's fixes of issue #12 through the real gateway in front of a real internal-was and Keycloak: what an
 * attacker or a crowd sends is answered by the edge, internal-was believes only the edge, and nothing listens where
 * it should not.
 */
@ExtendWith(RunningAppliance.class)
class EdgeHardeningIntegrationTests {

    private static Appliance appliance;
    private static String storefront;

    @BeforeAll
    static void appliance() {
        appliance = RunningAppliance.appliance();
        storefront = appliance.storefrontUrl();
    }

    private static String raw(int port, String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void requestsTheGatewayRefusesAreAnsweredAsProblemsNeverAsServerErrors() throws Exception {
        int port = appliance.ports().storefront();
        var cases = List.of(
                List.of("FROB /id-id/ HTTP/1.1", "501"),
                List.of("TRACE /id-id/ HTTP/1.1", "405"),
                List.of("GET /id-id/%zz HTTP/1.1", "400"),
                List.of("GET /id-id/search?q=%zz HTTP/1.1", "400"));
        for (var c : cases) {
            var response = raw(port, c.get(0) + "\r\nHost: localhost\r\nX-Onshore-Country: KP\r\nConnection: close\r\n\r\n");

            assertThat(response).as(c.get(0)).startsWith("HTTP/1.1 " + c.get(1) + " ")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"type\":\"https://onshore.dev/problems/").doesNotContain("Exception");
        }
        var edgeLog = Files.readString(appliance.layout().log("dmz-api"));
        assertThat(edgeLog).doesNotContain("\tat org.springframework.cloud.gateway");
    }

    @Test
    void aLargeJsonBodyIsRefusedByTheEdgeBeforeItReachesInternalWas() {
        var response = Http.send(HttpRequest.newBuilder(URI.create(storefront + "/api/shop/v1/cart"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("content-too-large");
    }

    @Test
    void internalWasBelievesTheShopperContextOnlyFromTheEdge() {
        // The shopper's explicit choice (Korean) against their browser (Indonesian): the edge decides Korean and signs it.
        var throughTheEdge = Http.get(storefront + "/", "Accept-Language", "id-ID",
                "Cookie", "onshore_choice=1|KR|ko-KR|KRW|Asia/Seoul");
        // The same claim made straight to internal-was, as anything on the internal network could: not believed.
        var direct = Http.get(appliance.internalWasUrl() + "/", "Accept-Language", "id-ID", "X-Onshore-Locale", "ko-KR",
                "X-Onshore-Country", "KR");

        assertThat(throughTheEdge.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/ko-kr/"));
        assertThat(direct.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/id-id/"));
    }

    @Test
    void absoluteUrlsNameThePublicStorefrontNeverTheInternalAddress() {
        var sitemap = Http.get(storefront + "/id-id/sitemap.xml");
        var page = Http.get(storefront + "/id-id/");

        assertThat(sitemap.statusCode()).isEqualTo(200);
        assertThat(sitemap.body()).contains("<loc>" + storefront + "/id-id/").doesNotContain("127.0.0.1");
        assertThat(page.body()).contains("rel=\"canonical\" href=\"" + storefront + "/id-id/\"")
                .doesNotContain("127.0.0.1:" + appliance.ports().internalWas());
    }

    @Test
    void internalWasListensOnLoopbackOnly() throws Exception {
        var external = Stream.of(NetworkInterface.getNetworkInterfaces()).flatMap(e -> java.util.Collections.list(e).stream())
                .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        assumeThat(external).as("a non-loopback address on this host").isPresent();

        assertThat(connects(external.get(), appliance.ports().internalWas())).isFalse();
        assertThat(connects(InetAddress.getLoopbackAddress(), appliance.ports().internalWas())).isTrue();
    }

    @Test
    void keycloakListensOnLoopbackOnlyAndOpensNoClusterPort() throws Exception {
        var keycloak = appliance.alive("keycloak").orElseThrow();
        var inodes = new HashSet<String>();
        for (var process : Stream.concat(Stream.of(keycloak), keycloak.descendants()).toList()) {
            try (var fds = Files.list(Path.of("/proc/" + process.pid() + "/fd"))) {
                fds.forEach(fd -> {
                    try {
                        var target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException gone) {
                        // the descriptor closed meanwhile
                    }
                });
            }
        }
        var listening = new TreeSet<String>();
        for (var table : List.of("/proc/net/tcp", "/proc/net/tcp6", "/proc/net/udp", "/proc/net/udp6")) {
            var lines = Files.readAllLines(Path.of(table));
            for (var line : lines.subList(1, lines.size())) {
                var f = line.strip().split("\\s+");
                boolean listens = table.contains("udp") || f[3].equals("0A");
                if (listens && inodes.contains(f[9])) {
                    listening.add(table.substring(10).replace("6", "") + " " + address(f[1]));
                }
            }
        }

        // Before: JGroups on 192.0.2.2:7800 and FD_SOCK on *:57800 beside the two configured loopback ports.
        assertThat(listening).contains("tcp 127.0.0.1:" + appliance.ports().keycloak(),
                "tcp 127.0.0.1:" + appliance.ports().keycloakManagement());
        assertThat(listening).allSatisfy(socket -> assertThat(socket).contains(" 127.0.0.1:"))
                .noneSatisfy(socket -> assertThat(socket).endsWith(":7800"))
                .noneSatisfy(socket -> assertThat(socket).endsWith(":57800"));
    }

    @Test
    void theDemoMailboxAnswersNobodyButTheAdminApp() {
        var response = Http.get("http://127.0.0.1:" + appliance.ports().mailbox() + "/messages");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static boolean connects(InetAddress address, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException other) {
            return false;
        }
    }

    /** "0100007F:1F90" → "127.0.0.1:8080" (IPv4 and IPv4-mapped IPv6), other IPv6 as hex. */
    private static String address(String hex) {
        var parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        if (parts[0].length() == 32 && parts[0].startsWith("0000000000000000FFFF0000")) {
            parts[0] = parts[0].substring(24);
        }
        if (parts[0].length() == 8) {
            long ip = Long.parseLong(parts[0], 16);
            return (ip & 0xff) + "." + ((ip >> 8) & 0xff) + "." + ((ip >> 16) & 0xff) + "." + ((ip >> 24) & 0xff) + ":" + port;
        }
        return (parts[0].equals("00000000000000000000000001000000") ? "::1" : parts[0]) + ":" + port;
    }
}
