/** Onshore's internal WAS; each sub-package is one business area with a small public API. */
@NullMarked
package dev.onshore.was;

import org.jspecify.annotations.NullMarked;
