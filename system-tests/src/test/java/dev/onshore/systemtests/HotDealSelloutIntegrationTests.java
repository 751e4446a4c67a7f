package dev.onshore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hot-deal sell-out benchmark ({@code dmz-api/bench/hot-deal-sellout.sh}) against the appliance this JVM started:
 * {@code -Donshore.bench.buyers} buyers (default 1,000) for {@code -Donshore.bench.units} units (default 50) through
 * the real waiting room and checkout; exactly that many orders in MariaDB, or the test fails. The script's figures
 * are printed for docs/benchmarks.md. A benchmark, run on demand (give {@code -Donshore.bench.buyers}): in the
 * suite, beside the ansible suite on 2 cores, checkouts timed out at the edge (504) and the room closed with units
 * left (29 of 50 sold, 2026-12-02): the edge spent a pass on a checkout that then failed. Since the edge gives such a
 * pass back and closes the room only on internal-was's "sold out", the same load sold 50 of 50 (docs/benchmarks.md).
 */
@ExtendWith(RunningAppliance.class)
class HotDealSelloutIntegrationTests {

    @Test
    void buyersForTheLastUnitsOfAHotDealPlaceExactlyThatManyOrders() throws Exception {
        assumeTrue(System.getProperty("onshore.bench.buyers") != null,
                "SKIPPED: the hot-deal sell-out benchmark runs on demand: -Donshore.bench.buyers=N");
        var root = Path.of(System.getProperty("onshore.root", "..")).toAbsolutePath().normalize();
        var secrets = RunningAppliance.appliance().layout().secrets();
        var process = new ProcessBuilder("bash", root.resolve("dmz-api/bench/hot-deal-sellout.sh").toString(),
                System.getProperty("onshore.bench.buyers", "1000"), System.getProperty("onshore.bench.units", "50"),
                String.valueOf(RunningAppliance.PORT_OFFSET))
                .redirectErrorStream(true);
        process.environment().put("BENCH_DB_PASSWORD_FILE",
                secrets.resolve("master").resolve("db-app-password").toString());
        process.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process.environment().put("START_IN", System.getProperty("onshore.bench.start-in", "30"));
        var running = process.start();
        var output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(20, TimeUnit.MINUTES)).isTrue();
        System.out.println(output);
        assertThat(output).contains("PASS exactly");
        assertThat(running.exitValue()).isZero();
    }
}
