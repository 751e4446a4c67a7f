package dev.onshore.was.orders;

/**
 * Why a shopper sends goods back, from a fixed list (so that operators can count and sort claims, and every shop
 * language has a label for each): the reasons the large marketplaces offer, cut to what a supplement shop sees.
 */
public enum ClaimReason {
    /** Arrived broken, leaking or with a torn seal. */
    DAMAGED,
    /** Faulty in use (a spray that does not spray). */
    DEFECTIVE,
    /** Another product than the one ordered. */
    WRONG_ITEM,
    /** Not what the product page described. */
    NOT_AS_DESCRIBED,
    /** The shopper wants another variant (another count, flavour or size) of the same product. */
    OTHER_VARIANT,
    /** No longer wanted. */
    CHANGED_MIND,
    /** Something else: the note says what. */
    OTHER;

    /** The reason named {@code code} (its name, any case), null when there is none of that name. */
    public static @org.jspecify.annotations.Nullable ClaimReason parse(@org.jspecify.annotations.Nullable String code) {
        if (code == null) {
            return null;
        }
        for (var reason : values()) {
            if (reason.name().equalsIgnoreCase(code.strip())) {
                return reason;
            }
        }
        return null;
    }
}
