package dev.onshore.was;

/**
 * Stops a server the tests share when the JVM exits, after the cached Spring contexts that use it have closed: JVM
 * shutdown hooks run concurrently, and a context closing against a stopped server waits for it (the event
 * publication registry writes to the database while closing; Kafka clients retry the broker).
 */
final class AfterSpringContexts {

    private AfterSpringContexts() {
    }

    static void stop(String name, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The hooks are started together in no given order: look for Spring's for up to half a second.
            try {
                for (int i = 0; i < 50; i++) {
                    var spring = Thread.getAllStackTraces().keySet().stream()
                            .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook")).findFirst();
                    if (spring.isPresent()) {
                        spring.get().join(20_000);
                        break;
                    }
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.run();
        }, name));
    }
}
