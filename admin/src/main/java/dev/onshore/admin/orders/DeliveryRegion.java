package dev.onshore.admin.orders;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Delivery regions of Korea from the five-digit postal code (국가기초구역번호, in use since 2015): its first digits
 * name the province or metropolitan city. Jeju and the islands (도서산간) cost carriers extra, so they are
 * flagged {@code remote}.
 *
 * @param code a stable code for filtering and messages ({@code seoul}, {@code jeju}, …)
 * @param remote true where carriers charge an island or remote-area surcharge
 */
public record DeliveryRegion(String code, boolean remote) {

    /** An inclusive range of postal-code prefixes (the first three digits) and its region. */
    private record Range(int from, int to, DeliveryRegion region) {
    }

    private static final Pattern KR_POSTAL_CODE = Pattern.compile("(?<!\\d)(\\d{5})(?!\\d)");

    /** Ranges of the first three digits, from the Korea Post zone table; the first that holds the code wins. */
    private static final List<Range> KR = List.of(
            // Ongjin county's islands (Incheon) and Ulleung/Dokdo (Gyeongbuk) before their provinces' ranges.
            new Range(230, 231, new DeliveryRegion("incheon-islands", true)),
            new Range(402, 402, new DeliveryRegion("ulleung", true)),
            new Range(10, 89, new DeliveryRegion("seoul", false)),
            new Range(100, 209, new DeliveryRegion("gyeonggi", false)),
            new Range(210, 239, new DeliveryRegion("incheon", false)),
            new Range(240, 269, new DeliveryRegion("gangwon", false)),
            new Range(270, 299, new DeliveryRegion("chungbuk", false)),
            new Range(300, 301, new DeliveryRegion("sejong", false)),
            new Range(310, 339, new DeliveryRegion("chungnam", false)),
            new Range(340, 359, new DeliveryRegion("daejeon", false)),
            new Range(360, 409, new DeliveryRegion("gyeongbuk", false)),
            new Range(410, 439, new DeliveryRegion("daegu", false)),
            new Range(440, 459, new DeliveryRegion("ulsan", false)),
            new Range(460, 499, new DeliveryRegion("busan", false)),
            new Range(500, 539, new DeliveryRegion("gyeongnam", false)),
            new Range(540, 569, new DeliveryRegion("jeonbuk", false)),
            new Range(570, 609, new DeliveryRegion("jeonnam", false)),
            new Range(610, 629, new DeliveryRegion("gwangju", false)),
            new Range(630, 636, new DeliveryRegion("jeju", true)));

    /**
     * The region of a Korean delivery address, from the first five-digit number in it; empty when it has none or
     * the code is in no known range.
     */
    public static Optional<DeliveryRegion> ofKoreanAddress(@Nullable String address) {
        if (address == null) {
            return Optional.empty();
        }
        var matcher = KR_POSTAL_CODE.matcher(address);
        return matcher.find() ? ofKoreanPostalCode(matcher.group(1)) : Optional.empty();
    }

    /** The region of a five-digit Korean postal code; empty when malformed or unknown. */
    public static Optional<DeliveryRegion> ofKoreanPostalCode(@Nullable String postalCode) {
        if (postalCode == null || !postalCode.matches("\\d{5}")) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(postalCode.substring(0, 3));
        return KR.stream().filter(range -> prefix >= range.from() && prefix <= range.to()).map(Range::region)
                .findFirst();
    }
}
