package org.medunion.indicators;

import org.medunion.shared.ErrorCode;

/** The indicators module's error codes; texts under {@code error.<code>} in i18n/indicators*.properties. */
public enum IndicatorsError implements ErrorCode {

    ROWS_REJECTED("INDICATORS-0001"),
    NOT_SUBMITTER("INDICATORS-0002"),
    MALFORMED_FILE("INDICATORS-0003"),
    INVALID_PERIOD("INDICATORS-0004"),
    UNKNOWN_INDICATOR("INDICATORS-0005"),
    INVALID_LEVEL("INDICATORS-0006");

    private final String code;

    IndicatorsError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
