package dev.onshore.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One process of the appliance: how to start it, how to tell it is ready, where it logs.
 *
 * @param name short name, used for the pid file and the log file
 * @param command the command line; runs in its own session so that stopping it reaches its children
 * @param environment added to the launcher's environment
 * @param probe readiness
 * @param startTimeout how long it may take to become ready
 */
public record Component(String name, List<String> command, Map<String, String> environment, Probe probe,
        Duration startTimeout) {

    public Component {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    Path pidFile(Layout layout) {
        return layout.run().resolve(name + ".pid");
    }
}
