package dev.onshore.was.accounts.internal;

import org.jspecify.annotations.Nullable;

/** Personal values as lists show them: enough to tell customers apart, not enough to contact them. */
final class Masks {

    private Masks() {
    }

    /** {@code kim.minji@example.com} → {@code k***@example.com} (not even the length); null stays null. */
    static @Nullable String email(@Nullable String email) {
        if (email == null) {
            return null;
        }
        var at = email.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return email.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append) + "***" + email.substring(at);
    }

    /** The first character, then stars: {@code 김민지} → {@code 김**}. */
    static @Nullable String name(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        var first = name.codePointAt(0);
        var rest = name.codePointCount(0, name.length()) - 1;
        return new StringBuilder().appendCodePoint(first).append("*".repeat(Math.max(rest, 2))).toString();
    }

    /** Only the last two digits: {@code +62 812 3456 7890} → {@code ********90}. */
    static @Nullable String phone(@Nullable String phone) {
        if (phone == null || phone.length() < 3) {
            return phone == null ? null : "***";
        }
        return "*".repeat(8) + phone.substring(phone.length() - 2);
    }
}
