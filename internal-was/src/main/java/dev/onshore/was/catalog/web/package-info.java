/** The catalog's HTTP adapter for operators and services (admin API). */
@NullMarked
package dev.onshore.was.catalog.web;

import org.jspecify.annotations.NullMarked;
