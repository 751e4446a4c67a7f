package dev.onshore.was;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void areasOnlyUseEachOthersPublicApi() {
        ApplicationModules.of(InternalWasApplication.class).verify();
    }
}
