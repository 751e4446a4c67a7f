/**
 * The catalog's search: the Lucene index mapping of products ({@link dev.onshore.was.catalog.search.ProductDocumentBinder},
 * analyzers per language), the queries and facets behind {@link dev.onshore.was.catalog.ProductSearch}, and keeping
 * each node's index current (catalog events, other nodes' Kafka records, sale windows opening and closing).
 */
@NullMarked
package dev.onshore.was.catalog.search;

import dev.onshore.was.catalog.internal.*;
import org.jspecify.annotations.NullMarked;
