/**
 * The whole appliance on one machine for the demo and the tests: real MariaDB, Redis, Kafka, Keycloak and SMTP
 * servers on embedded defaults, and the three apps, started, probed and stopped by PID.
 */
@NullMarked
package dev.onshore.devstack;

import org.jspecify.annotations.NullMarked;
