/** The CMS's admin API: scheduling items and previewing pages as of a date (operators only). */
@NullMarked
package dev.onshore.was.cms.web;

import org.jspecify.annotations.NullMarked;
