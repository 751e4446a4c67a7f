/** The inventory's insides: conditional updates on MariaDB, the reservation sweeper, the demo stock. */
@NullMarked
package dev.onshore.was.inventory.internal;

import org.jspecify.annotations.NullMarked;
