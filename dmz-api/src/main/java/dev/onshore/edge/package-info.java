/**
 * The DMZ edge: routes shoppers' requests to the internal WAS and the shoppers' identity pages to Keycloak, decides
 * the client address from the trusted proxy chain, and never lets an internal-only path or header through.
 */
@NullMarked
package dev.onshore.edge;

import org.jspecify.annotations.NullMarked;
