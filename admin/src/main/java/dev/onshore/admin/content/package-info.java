/**
 * The back office's content screens: the CMS (sites per market, a page's corners and their scheduled items, a
 * preview as of a chosen time and language) and coupons (Marketing). Every call goes to the internal WAS's admin
 * API, which checks the operator's roles again and sanitizes HTML blocks before it stores them.
 */
@NullMarked
package dev.onshore.admin.content;

import org.jspecify.annotations.NullMarked;
