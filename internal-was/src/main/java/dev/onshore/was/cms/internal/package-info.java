/** The CMS's insides: sites, pages and items, their persistence, the HTML allow-list and the demo pages. */
@NullMarked
package dev.onshore.was.cms.internal;

import org.jspecify.annotations.NullMarked;
