package dev.onshore.was.payments.internal;

/** What a verified webhook did: acted on it, or recognized it as one already handled (a replay). */
public enum WebhookOutcome {
    PROCESSED, DUPLICATE
}
