package dev.onshore.was.adminapi;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The operator on whose behalf the admin app calls. Trusted because only service accounts (realm role
 * {@code internal-api}, held by the admin app's service client alone) get past the admin API's security chain; a
 * shopper or an operator's own token never reaches an admin controller.
 */
public final class OperatorHeader {

    public static final String NAME = "X-Onshore-Operator";

    /** An operators-realm username: 1 to 80 letters, digits and {@code ._@+-}. */
    public static final Pattern FORMAT = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,80}");

    private OperatorHeader() {
    }

    /**
     * The operator's name as sent.
     *
     * @throws InvalidInputException when the header is missing, blank or no operator name
     */
    public static String require(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new InvalidInputException(NAME, "required");
        }
        if (!FORMAT.matcher(header).matches()) {
            throw new InvalidInputException(NAME, "pattern");
        }
        return header;
    }
}
