package org.medunion.diagnostics.internal;

import org.medunion.shared.ErrorCode;

/** The diagnostics module's error codes; each code is the bundle key {@code error.<code>} (i18n/diagnostics*). */
enum DiagnosticsError implements ErrorCode {

    ITEM_CODE_INVALID("DIAGNOSTICS-0001"),
    UNKNOWN_ITEM("DIAGNOSTICS-0002"),
    WINDOW_INVALID("DIAGNOSTICS-0003"),
    JURISDICTION_INVALID("DIAGNOSTICS-0004"),
    NO_INSTITUTION("DIAGNOSTICS-0005"),
    NOT_CONSORTIUM_MEMBER("DIAGNOSTICS-0006"),
    QC_DATES_INVALID("DIAGNOSTICS-0007"),
    NO_RESIDENT("DIAGNOSTICS-0008"),
    REASON_REQUIRED("DIAGNOSTICS-0009"),
    UNKNOWN_REASON("DIAGNOSTICS-0010"),
    REASON_TEXT_REQUIRED("DIAGNOSTICS-0011"),
    NOT_OFFERED("DIAGNOSTICS-0012"),
    ILLEGAL_TRANSITION("DIAGNOSTICS-0013"),
    NOT_SERVED("DIAGNOSTICS-0014"),
    NOT_CRITICAL("DIAGNOSTICS-0015"),
    NOT_YOURS("DIAGNOSTICS-0016"),
    PRICE_INVALID("DIAGNOSTICS-0017"),
    RESULT_IN_FUTURE("DIAGNOSTICS-0018"),
    TEXT_TOO_LONG("DIAGNOSTICS-0019"),
    DUPLICATE_ITEM_IN_LIST("DIAGNOSTICS-0020"),
    STUDY_URL_INVALID("DIAGNOSTICS-0021"),
    NO_ORDERING_INSTITUTION("DIAGNOSTICS-0022"),
    DUPLICATE_CODE_MAPPING("DIAGNOSTICS-0023");

    private final String code;

    DiagnosticsError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
