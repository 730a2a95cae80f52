package org.medunion.consultation.internal;

import org.medunion.shared.ErrorCode;

/**
 * The consultation module's error codes (one home per code): the constant names what went wrong, the code is the
 * message-bundle key {@code error.<code>} (i18n/consultation*.properties) and what callers see in problem details.
 */
enum ConsultationError implements ErrorCode {

    ILLEGAL_TRANSITION("CONSULTATION-0001"),
    WRONG_SIDE("CONSULTATION-0002"),
    TEXT_TOO_LONG("CONSULTATION-0003"),
    SAME_INSTITUTION("CONSULTATION-0004"),
    NO_INSTITUTION("CONSULTATION-0005"),
    NOT_PRACTITIONER_OF("CONSULTATION-0006"),
    NO_EXPERT("CONSULTATION-0007"),
    CONSENT_IN_FUTURE("CONSULTATION-0008"),
    UNKNOWN_MESSAGE("CONSULTATION-0009"),
    ALREADY_CONVERTED("CONSULTATION-0010"),
    NO_OPINION("CONSULTATION-0011"),
    BAD_FEE("CONSULTATION-0020"),
    FEES_OFFICE_ONLY("CONSULTATION-0021"),
    SERIES_DATES("CONSULTATION-0040"),
    SERIES_TOO_LONG("CONSULTATION-0041"),
    SESSION_NOT_PLANNED("CONSULTATION-0042"),
    SESSION_CHANGED("CONSULTATION-0043"),
    NOT_CARED_FOR("CONSULTATION-0044"),
    NOT_ATTENDEE("CONSULTATION-0045"),
    PATROL_SITES("CONSULTATION-0046"),
    SESSION_NOT_STARTED("CONSULTATION-0047"),
    SERIES_SCHEDULE("CONSULTATION-0048"),
    NOT_A_SIDE("CONSULTATION-0049"),
    UNKNOWN_RESULT("CONSULTATION-0060"),
    OTHER_RESIDENT("CONSULTATION-0061"),
    NOT_IMAGING("CONSULTATION-0062"),
    DOCUMENT_TOO_LARGE("CONSULTATION-0063"),
    DOCUMENT_TYPE("CONSULTATION-0064"),
    TOO_MANY_ATTACHMENTS("CONSULTATION-0065"),
    NOT_BY_REFERENCE("CONSULTATION-0066");

    private final String code;

    ConsultationError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
