package org.medunion.indicators;

import org.medunion.shared.ErrorCode;

/** The indicators module's error codes; texts under {@code error.<code>} in i18n/indicators*.properties. */
public enum IndicatorsError implements ErrorCode {

    ROWS_REJECTED("INDICATORS-0001"),
    NOT_SUBMITTER("INDICATORS-0002"),
    MALFORMED_FILE("INDICATORS-0003"),
    INVALID_PERIOD("INDICATORS-0004"),
    UNKNOWN_INDICATOR("INDICATORS-0005"),
    INVALID_LEVEL("INDICATORS-0006"),
    // the assessment cycle (decision 0240)
    ILLEGAL_TRANSITION("INDICATORS-0010"),
    ASSESSMENT_FROZEN("INDICATORS-0011"),
    DUPLICATE_ASSESSMENT("INDICATORS-0012"),
    INVALID_KIND("INDICATORS-0013"),
    INVALID_YEAR("INDICATORS-0014"),
    INVALID_RATING("INDICATORS-0015"),
    INVALID_SCORE("INDICATORS-0016"),
    DIMENSION_MISSING("INDICATORS-0017"),
    UNKNOWN_DIMENSION("INDICATORS-0018"),
    DIMENSION_TWICE("INDICATORS-0019"),
    ASSESSMENT_ROLE("INDICATORS-0020"),
    CONSORTIUM_INACTIVE("INDICATORS-0021"),
    // evidence files of the self-assessment (decision 0264)
    EVIDENCE_TOO_LARGE("INDICATORS-0022"),
    EVIDENCE_TYPE("INDICATORS-0023"),
    // encounter import jobs (decision 0267)
    IMPORTS_BUSY("INDICATORS-0024"),
    IMPORT_FAILED("INDICATORS-0025"),
    IMPORT_INTERRUPTED("INDICATORS-0026");

    private final String code;

    IndicatorsError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
