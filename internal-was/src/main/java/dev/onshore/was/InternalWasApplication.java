package dev.onshore.was;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** The internal WAS: catalog, storefront pages and (later) orders and CMS, one area per package. */
@Modulithic(sharedModules = {"security", "markets", "adminapi"})
@SpringBootApplication
@ConfigurationPropertiesScan
public class InternalWasApplication {

    public static void main(String[] args) {
        SpringApplication.run(InternalWasApplication.class, args);
    }
}
