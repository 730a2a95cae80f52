package org.medunion.scheduling;

import org.medunion.shared.ErrorCode;

/**
 * The scheduling module's error codes, one home each (message key {@code error.<code>}). In the API package
 * because {@link ReservedShare}, a published value type, raises {@link #INVALID_SHARE}.
 */
public enum SchedulingError implements ErrorCode {

    SLOT_TAKEN("SCHEDULING-0001"),
    SLOT_RESERVED_FOR_PRIMARY_CARE("SCHEDULING-0002"),
    RESIDENT_NOT_CONTRACTED("SCHEDULING-0003"),
    NO_FREE_SLOT("SCHEDULING-0004"),
    SLOT_STARTED("SCHEDULING-0005"),
    BOOKING_NOT_ACTIVE("SCHEDULING-0007"),
    INVALID_SHARE("SCHEDULING-0010"),
    SLOT_COUNT_OUT_OF_RANGE("SCHEDULING-0011"),
    INVALID_PERIOD("SCHEDULING-0012"),
    DAY_END_NOT_AFTER_START("SCHEDULING-0013"),
    VALUE_OUT_OF_RANGE("SCHEDULING-0014"),
    SHARE_BELOW_MINIMUM("SCHEDULING-0016"),
    INSTITUTION_OUT_OF_SCOPE("SCHEDULING-0020"),
    ROLE_MAY_NOT_BOOK("SCHEDULING-0021"),
    BOOKING_NOT_CHANGEABLE("SCHEDULING-0022"),
    NO_CARE_RELATIONSHIP("SCHEDULING-0023"),
    CURSOR_INVALID("SCHEDULING-0024"),
    NOT_A_CONSULTATION_SLOT("SCHEDULING-0050"),
    CONSULTATION_SLOT_OF_ANOTHER("SCHEDULING-0051");

    private final String code;

    SchedulingError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
