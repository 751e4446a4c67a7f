package dev.onshore.was.notifications.internal;

import dev.onshore.i18n.market.Market;
import dev.onshore.i18n.market.Markets;
import dev.onshore.i18n.messages.Messages;
import dev.onshore.i18n.money.Money;
import dev.onshore.i18n.time.ViewerTime;
import dev.onshore.was.orders.ClaimReason;
import dev.onshore.was.orders.OrderRecipient;
import dev.onshore.was.orders.OrderView;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes the mails this area sends to shoppers, the order mails and the confirmation of an account's erasure:
 * subject, plain text and HTML from the {@code notifications/mail_*.properties} bundles (ICU MessageFormat with named
 * arguments and plurals), in the shopper's language. In an order mail, amounts are formatted by ICU for that
 * language, the market and the currency, and times are in the shopper's zone (the market's when the order kept none).
 */
@Component
class MailTexts {

    /** The bundles shipped; a language without one reads English. */
    static final List<String> SUFFIXES = List.of("en", "id", "ko", "ms", "zh_Hans", "ja", "th");

    private final Messages messages;
    private final Markets markets;
    private final ITemplateEngine templates;

    MailTexts(Markets markets, ITemplateEngine templates) {
        this.messages = bundles();
        this.markets = markets;
        this.templates = templates;
    }

    /**
     * @param facts what the event adds ({@code Money} and {@code Instant} values are formatted for the shopper); an
     *     exchange's mail names the replacement by {@code replacement} when given, else by its SKU
     */
    Mail composeOrder(MailKind kind, OrderView order, OrderRecipient recipient, Map<String, ?> facts) {
        if (kind.claim()) {
            return composeClaim(kind, order, recipient, facts);
        }
        var locale = Locale.of(recipient.language(), order.market());
        var arguments = arguments(order, recipient, facts, locale);
        if (kind == MailKind.CANCELLED) {
            var reason = "mail.cancelled.reason." + facts.get("reason");
            arguments.put("reason", text(messages.pattern(reason, locale).isPresent() ? reason
                    : "mail.cancelled.reason.other", locale, arguments));
        }

        var paragraphs = new ArrayList<String>();
        paragraphs.add(text("mail." + kind.key() + ".intro", locale, arguments));
        if (kind == MailKind.PLACED) {
            paragraphs.add(text("mail.placed.pay-by", locale, arguments));
        }
        if (kind == MailKind.CANCELLED && Boolean.TRUE.equals(facts.get("refundDue"))) {
            paragraphs.add(text("mail.cancelled.refund", locale, arguments));
        }
        var lines = new ArrayList<Row>();
        var totals = new ArrayList<Row>();
        if (kind == MailKind.PLACED || kind == MailKind.PAID) {
            for (var line : order.lines()) {
                lines.add(new Row(text("mail.line", locale, Map.of("quantity", line.quantity(), "name", line.name())),
                        line.total().rounded().format(locale)));
            }
            totals.add(new Row(text("mail.label.subtotal", locale, arguments), order.subtotal().format(locale)));
            if (!order.discount().isZero()) {
                totals.add(new Row(text("mail.label.discount", locale,
                        Map.of("coupon", order.couponCode() == null ? "" : order.couponCode())),
                        order.discount().negate().format(locale)));
            }
            totals.add(new Row(text("mail.label.shipping", locale, arguments), order.shipping().format(locale)));
            totals.add(new Row(text(order.taxIncluded() ? "mail.label.tax-included" : "mail.label.tax", locale,
                    arguments), order.tax().format(locale)));
            totals.add(new Row(text("mail.label.total", locale, arguments), order.total().format(locale)));
        }
        var content = new Content(locale.toLanguageTag(), text("mail." + kind.key() + ".subject", locale, arguments),
                text("mail.greeting", locale, arguments), List.copyOf(paragraphs), List.copyOf(lines),
                List.copyOf(totals), text("mail.closing", locale, arguments),
                text("mail.footer", locale, arguments));
        return new Mail(content.subject(), plainText(content), html(content), locale);
    }

    /**
     * A return's or an exchange's mail: what was asked (the lines concerned, the shopper's reason and note), or what
     * was decided, then what happens next. Amounts in the order's currency, times in the shopper's zone.
     */
    private Mail composeClaim(MailKind kind, OrderView order, OrderRecipient recipient, Map<String, ?> facts) {
        var locale = Locale.of(recipient.language(), order.market());
        var arguments = arguments(order, recipient, facts, locale);
        var exchange = kind.exchange() ? Objects.requireNonNull(order.exchange(), "the order's exchange") : null;
        var paragraphs = new ArrayList<String>();
        paragraphs.add(text("mail." + kind.key() + ".intro", locale, arguments));
        var grounds = exchange != null ? exchange.grounds() : order.returnGrounds();
        if ((kind == MailKind.RETURN_REQUESTED || kind == MailKind.EXCHANGE_REQUESTED) && grounds != null) {
            paragraphs.add(text("mail.claim.reason", locale, Map.of("reason",
                    text(reasonKey(grounds.reason()), locale, arguments))));
            if (grounds.note() != null) {
                // The shopper's own words as an argument, never as a pattern: quotes and braces stay as written.
                paragraphs.add(text("mail.claim.note", locale, Map.of("note", grounds.note())));
            }
        }
        if (messages.pattern("mail." + kind.key() + ".next", locale).isPresent()) {
            paragraphs.add(text("mail." + kind.key() + ".next", locale, arguments));
        }
        var lines = new ArrayList<Row>();
        if (exchange != null) {
            var name = order.lines().stream().filter(line -> line.sku().equals(exchange.sku())).findFirst()
                    .map(line -> line.name()).orElse(exchange.sku());
            lines.add(new Row(text("mail.line", locale, Map.of("quantity", exchange.quantity(), "name", name)),
                    text("mail.exchange.for", locale, Map.of("replacement",
                            facts.get("replacement") instanceof String label ? label : exchange.replacementSku()))));
        } else {
            for (var line : order.lines()) {
                lines.add(new Row(text("mail.line", locale, Map.of("quantity", line.quantity(), "name", line.name())),
                        line.total().rounded().format(locale)));
            }
        }
        var content = new Content(locale.toLanguageTag(), text("mail." + kind.key() + ".subject", locale, arguments),
                text("mail.greeting", locale, arguments), List.copyOf(paragraphs), List.copyOf(lines), List.of(),
                text("mail.closing", locale, arguments), text("mail.footer", locale, arguments));
        return new Mail(content.subject(), plainText(content), html(content), locale);
    }

    /** The label of a claim's reason in the bundles: {@code mail.claim.reason.wrong-item} for WRONG_ITEM. */
    static String reasonKey(ClaimReason reason) {
        return "mail.claim.reason." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What every order mail may say: the order's number, counts, total and times, and the event's facts. */
    private Map<String, Object> arguments(OrderView order, OrderRecipient recipient, Map<String, ?> facts,
            Locale locale) {
        var zone = zone(order, recipient);
        var arguments = new LinkedHashMap<String, Object>();
        arguments.put("number", order.number());
        arguments.put("lines", order.lines().size());
        arguments.put("items", order.lines().stream().mapToInt(line -> line.quantity()).sum());
        arguments.put("total", order.total().format(locale));
        arguments.put("placedAt", ViewerTime.dateTime(order.placedAt(), zone, locale));
        arguments.put("payBy", ViewerTime.dateTime(order.payBy(), zone, locale));
        facts.forEach((name, value) -> arguments.put(name, switch (value) {
            case Money money -> money.format(locale);
            case Instant instant -> ViewerTime.dateTime(instant, zone, locale);
            default -> value;
        }));
        return arguments;
    }

    /** The confirmation that a shopper's account was erased, in {@code language}. */
    Mail composeErasure(String language, int ordersAnonymised) {
        var locale = Locale.forLanguageTag(language);
        Map<String, Object> arguments = Map.of("orders", ordersAnonymised);
        var paragraphs = new ArrayList<String>();
        paragraphs.add(text("mail.erased.intro", locale, arguments));
        if (ordersAnonymised > 0) {
            paragraphs.add(text("mail.erased.orders", locale, arguments));
        }
        var content = new Content(locale.toLanguageTag(), text("mail.erased.subject", locale, arguments),
                text("mail.greeting", locale, arguments), List.copyOf(paragraphs), List.of(), List.of(),
                text("mail.closing", locale, arguments), text("mail.erased.footer", locale, arguments));
        return new Mail(content.subject(), plainText(content), html(content), locale);
    }

    private ZoneId zone(OrderView order, OrderRecipient recipient) {
        if (recipient.timeZone() != null) {
            return recipient.timeZone();
        }
        return markets.find(order.market()).map(Market::zone).orElse(ViewerTime.OPERATOR_ZONE);
    }

    private String text(String key, Locale locale, Map<String, ?> arguments) {
        return messages.format(key, locale, arguments);
    }

    private String html(Content content) {
        var context = new Context(Locale.forLanguageTag(content.language()));
        context.setVariable("mail", content);
        return templates.process("mail/order", context);
    }

    private static String plainText(Content content) {
        var text = new StringBuilder(content.greeting()).append("\n\n");
        content.paragraphs().forEach(paragraph -> text.append(paragraph).append("\n\n"));
        content.lines().forEach(row -> text.append(row.label()).append("  ").append(row.value()).append('\n'));
        if (!content.totals().isEmpty()) {
            text.append("----\n");
            content.totals().forEach(row -> text.append(row.label()).append(": ").append(row.value()).append('\n'));
            text.append('\n');
        }
        return text.append(content.closing()).append("\n\n-- \n").append(content.footer()).append('\n').toString();
    }

    static Messages bundles() {
        var bundles = new LinkedHashMap<String, Map<String, String>>();
        for (var suffix : SUFFIXES) {
            var resource = new ClassPathResource("notifications/mail_" + suffix + ".properties");
            try (var in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                var properties = new Properties();
                properties.load(in);
                var patterns = new LinkedHashMap<String, String>();
                properties.stringPropertyNames().forEach(key -> patterns.put(key, properties.getProperty(key)));
                bundles.put(suffix, patterns);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the mail bundle " + resource.getPath(), e);
            }
        }
        return new Messages(bundles);
    }

    /** The bundles, for the check that every language has every key. */
    Messages messages() {
        return messages;
    }

    /** A mail ready to send. */
    record Mail(String subject, String text, String html, Locale locale) {
    }

    /** What both the text and the HTML show, already in the shopper's language. */
    record Content(String language, String subject, String greeting, List<String> paragraphs, List<Row> lines,
            List<Row> totals, String closing, String footer) {
    }

    record Row(String label, String value) {
    }
}
