package dev.onshore.i18n.rates;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the ECB's euro foreign exchange reference rates ({@code eurofxref-daily.xml}, {@code -hist-90d},
 * {@code -hist}) and crosses them to the base currency: {@code KRW→X = (EUR→X) / (EUR→KRW)}, plus EUR itself.
 * A day's rates take effect at 16:00 Frankfurt time, when the ECB publishes them. DTDs and external entities are
 * refused (no XXE). The ECB does not publish VND; such currencies need the CSV import or a manual rate.
 */
final class EcbRates {

    private static final ZoneId FRANKFURT = ZoneId.of("Europe/Berlin");
    private static final LocalTime PUBLISHED = LocalTime.of(16, 0);
    private static final Currency EUR = Currency.getInstance("EUR");

    private EcbRates() {
    }

    static List<ExchangeRate> parse(InputStream xml, Currency base, Instant recordedAt) throws IOException {
        Map<LocalDate, Map<Currency, BigDecimal>> days = read(xml);
        if (days.isEmpty()) {
            throw new RateImportException(List.of("no <Cube time=...> with rates found: is this an ECB file?"));
        }
        List<ExchangeRate> rates = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        days.forEach((day, eurRates) -> {
            Instant effective = day.atTime(PUBLISHED).atZone(FRANKFURT).toInstant();
            BigDecimal eurToBase = base.equals(EUR) ? BigDecimal.ONE : eurRates.get(base);
            if (eurToBase == null) {
                problems.add(day + ": no " + base.getCurrencyCode() + " rate to cross with");
                return;
            }
            if (!base.equals(EUR)) {
                rates.add(ExchangeRate.of(base, EUR, BigDecimal.ONE.divide(eurToBase, ExchangeRates.PRECISION),
                        effective, RateSource.ECB, null, recordedAt));
            }
            eurRates.forEach((currency, eurToQuote) -> {
                if (!currency.equals(base)) {
                    rates.add(ExchangeRate.of(base, currency, eurToQuote.divide(eurToBase, ExchangeRates.PRECISION),
                            effective, RateSource.ECB, null, recordedAt));
                }
            });
        });
        if (!problems.isEmpty()) {
            throw new RateImportException(problems);
        }
        return List.copyOf(rates);
    }

    private static Map<LocalDate, Map<Currency, BigDecimal>> read(InputStream xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<LocalDate, Map<Currency, BigDecimal>> days = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(xml);
            Map<Currency, BigDecimal> day = null;
            LocalDate date = null;
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT || !"Cube".equals(reader.getLocalName())) {
                    continue;
                }
                String time = reader.getAttributeValue(null, "time");
                String currency = reader.getAttributeValue(null, "currency");
                String rate = reader.getAttributeValue(null, "rate");
                int line = reader.getLocation().getLineNumber();
                if (time != null) {
                    try {
                        date = LocalDate.parse(time);
                        day = days.computeIfAbsent(date, d -> new LinkedHashMap<>());
                    } catch (DateTimeException e) {
                        problems.add("line " + line + ": bad date '" + time + "'");
                        day = null;
                    }
                } else if (currency != null && rate != null) {
                    if (day == null) {
                        problems.add("line " + line + ": rate outside a dated Cube");
                        continue;
                    }
                    try {
                        BigDecimal value = new BigDecimal(rate.strip());
                        if (value.signum() <= 0) {
                            throw new NumberFormatException("not positive");
                        }
                        day.put(Currency.getInstance(currency.strip()), value);
                    } catch (IllegalArgumentException e) { // bad number or unknown currency
                        problems.add("line " + line + ": bad rate " + currency + "=" + rate + " on " + date);
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new RateImportException("not well-formed ECB XML: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new RateImportException(problems);
        }
        return days;
    }
}
