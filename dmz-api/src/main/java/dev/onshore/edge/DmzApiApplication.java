package dev.onshore.edge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DmzApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(DmzApiApplication.class, args);
    }
}
