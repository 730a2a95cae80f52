package org.medunion.pharmacy.internal;

import org.medunion.shared.ErrorCode;

/** The pharmacy module's error codes; texts {@code error.<code>} in i18n/pharmacy*.properties. */
enum PharmacyError implements ErrorCode {

    ILLEGAL_TRANSITION("PHARMACY-0001"),
    UNKNOWN_DRUG("PHARMACY-0002"),
    NOT_PRESCRIBER("PHARMACY-0003"),
    NOT_REVIEWER("PHARMACY-0004"),
    NOT_DISPENSER("PHARMACY-0005"),
    REASON_REQUIRED("PHARMACY-0006"),
    INVALID_FREQUENCY("PHARMACY-0007"),
    NO_ITEMS("PHARMACY-0008"),
    INVALID_ICD10("PHARMACY-0009"),
    SITE_NOT_MEMBER("PHARMACY-0010"),
    SITE_NOT_CONFIRMED("PHARMACY-0011"),
    NOT_CATALOGUE_OWNER("PHARMACY-0012"),
    INVALID_NUMBER("PHARMACY-0013"),
    NO_CONSORTIUM("PHARMACY-0014"),
    TEXT_TOO_LONG("PHARMACY-0015"),
    SUPPLY_MISMATCH("PHARMACY-0016");

    private final String code;

    PharmacyError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
