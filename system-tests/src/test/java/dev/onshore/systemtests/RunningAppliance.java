package dev.onshore.systemtests;

import dev.onshore.devstack.Appliance;
import dev.onshore.devstack.Layout;
import dev.onshore.devstack.Ports;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the appliance once for every system test class in this JVM (ports shifted by 20000, or by
 * {@code -Donshore.it.port-offset}, state under
 * target/var) and stops every process it started, by PID, when the last test is done.
 */
final class RunningAppliance implements BeforeAllCallback {

    /** 20000 unless {@code onshore.it.port-offset} says otherwise (two checkouts testing side by side). */
    static final int PORT_OFFSET = Integer.getInteger("onshore.it.port-offset", 20_000);

    private static Appliance appliance;

    @Override
    public void beforeAll(ExtensionContext context) {
        var store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        store.computeIfAbsent(RunningAppliance.class.getName(), key -> {
            var layout = new Layout(Path.of(System.getProperty("onshore.root", "..")),
                    Path.of(System.getProperty("onshore.var", "target/var")));
            var started = new Appliance(layout, new Ports(PORT_OFFSET), System.getProperty("java.home"),
                    java.util.Arrays.stream(System.getProperty("onshore.appliance.jvm", "").split(" "))
                            .filter(option -> !option.isBlank()).toList());
            started.down(); // leftovers of an interrupted run, by their recorded pids only
            started.stop("internal-was-2"); // TwoNodesIntegrationTests' extra node, if a run was killed
            var took = started.up();
            System.out.printf("Appliance up in %d s (ports +%d, state %s)%n", took.toSeconds(), PORT_OFFSET, layout.var());
            appliance = started;
            return new Stopper(started);
        }, Stopper.class);
    }

    /** Closed by JUnit when the root context closes, i.e. after the last test of this JVM. */
    private record Stopper(Appliance appliance) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            System.out.println("Appliance stopped: " + appliance.down());
        }
    }

    static Appliance appliance() {
        return appliance;
    }
}
