/**
 * A micro-cache of anonymous storefront pages at the edge. internal-was already keeps each rendered page in its heap,
 * but every page view still costs the edge a second HTTP exchange, which bounds a gateway node at a fraction of what
 * it answers alone. A page internal-was declares shareable for a moment ({@code Onshore-Edge-Cache-Control:
 * max-age=N}, a targeted cache-control field after RFC 9213, removed here) is answered by the edge itself for those
 * seconds, to the shoppers whose request would have been rendered the same way. See
 * {@link dev.onshore.edge.pagecache.EdgePageCache}.
 */
@NullMarked
package dev.onshore.edge.pagecache;

import org.jspecify.annotations.NullMarked;
