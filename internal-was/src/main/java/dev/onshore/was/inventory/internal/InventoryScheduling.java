package dev.onshore.was.inventory.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The reservation sweeper runs on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InventoryScheduling {
}
