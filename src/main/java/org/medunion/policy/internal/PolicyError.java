package org.medunion.policy.internal;

import org.medunion.shared.ErrorCode;

/**
 * The policy module's error codes, one home each (message key {@code error.<code>}, bundle {@code i18n/policy}).
 * Policy's codes predate the numbered scheme and keep their names, which callers already see in problem details.
 */
public enum PolicyError implements ErrorCode {

    FORBIDDEN("policy.forbidden"),
    INVALID_ID("policy.invalidId"),
    INVALID_JURISDICTION("policy.invalidJurisdiction"),
    INVALID_STATUS("policy.invalidStatus"),
    INVALID_VALUE("policy.invalidValue"),
    OUT_OF_SCOPE("policy.outOfScope"),
    OVERRIDE_FORBIDDEN("policy.overrideForbidden"),
    REASON_REQUIRED("policy.reasonRequired"),
    REQUIRED("policy.required"),
    TOO_LONG("policy.tooLong"),
    UNKNOWN_CRITERION("policy.unknownCriterion"),
    UNKNOWN_PACK("policy.unknownPack"),
    UNKNOWN_PARAMETER("policy.unknownParameter"),
    UNKNOWN_RULE("policy.unknownRule");

    private final String code;

    PolicyError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
