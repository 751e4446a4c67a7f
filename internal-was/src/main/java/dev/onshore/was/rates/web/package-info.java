/** The rates' HTTP adapter for operators (admin API, {@code /api/admin/exchange-rates}). */
@NullMarked
package dev.onshore.was.rates.web;

import org.jspecify.annotations.NullMarked;
