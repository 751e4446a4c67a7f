package dev.onshore.was.orders;

import org.jspecify.annotations.Nullable;

/**
 * Why a return or an exchange was asked for: a reason from the fixed list and the shopper's own words.
 *
 * @param note at most {@value #NOTE_LIMIT} characters, surrounding blanks removed; null when none was given
 */
public record ClaimGrounds(ClaimReason reason, @Nullable String note) {

    public static final int NOTE_LIMIT = 500;

    /** @throws IllegalArgumentException ({@code note}) when the note is longer than {@value #NOTE_LIMIT} */
    public ClaimGrounds {
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.codePointCount(0, note.length()) > NOTE_LIMIT) {
            throw new IllegalArgumentException("note");
        }
    }
}
