package dev.onshore.edge;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DmzApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(DmzApiApplication.class, args);
    }

    /** Now, for the hop signature and the waiting room: the one source of time, so that a test can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
