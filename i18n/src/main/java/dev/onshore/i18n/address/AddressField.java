package dev.onshore.i18n.address;

/** The parts of a postal address, named after libaddressinput's (%N, %O, %A, %D, %C, %S, %Z). */
public enum AddressField {
    RECIPIENT,
    ORGANIZATION,
    /** Street, building and unit (first line). */
    ADDRESS_LINE1,
    ADDRESS_LINE2,
    /** District or dependent locality (kecamatan, 구/군 in some forms). */
    DISTRICT,
    /** City or locality. */
    CITY,
    /** State, province, prefecture, 시/도. */
    REGION,
    POSTAL_CODE,
    PHONE,
    /** The country itself; chosen separately, only named by errors such as {@code unsupportedCountry}. */
    COUNTRY
}
