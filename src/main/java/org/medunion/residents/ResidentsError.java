package org.medunion.residents;

import org.medunion.shared.ErrorCode;

/**
 * The residents module's stable error codes; each has an {@code error.<code>} text in i18n/residents*.properties.
 * In the API package because the FHIR Patient search reports the same failure as the residents search.
 */
public enum ResidentsError implements ErrorCode {

    BIRTH_DATE_MISMATCH("RESIDENTS-0001"), SEX_MISMATCH("RESIDENTS-0002"), INVALID_PHONE("RESIDENTS-0003"), INVALID_TEXT(
            "RESIDENTS-0006"), INVALID_DIVISION_CODE("RESIDENTS-0007"), INVALID_RECORD_NUMBER("RESIDENTS-0008"), UNKNOWN_INSTITUTION(
                    "RESIDENTS-0009"), TEAM_NOT_AT_PRIMARY_INSTITUTION("RESIDENTS-0010"), GP_NOT_OF_INSTITUTION(
                            "RESIDENTS-0011"), NURSE_NOT_OF_INSTITUTION("RESIDENTS-0012"), SPECIALIST_NOT_A_PHYSICIAN(
                                    "RESIDENTS-0013"), UNKNOWN_TEAM("RESIDENTS-0014"), NOT_A_DISTRICT_HOSPITAL(
                                            "RESIDENTS-0015"), NOT_A_MUNICIPAL_HOSPITAL("RESIDENTS-0016"), CONTRACT_PERIOD_INVALID(
                                                    "RESIDENTS-0017"), CONTRACT_ALREADY_ACTIVE("RESIDENTS-0018"), CONTRACT_STATUS_FORBIDS(
                                                            "RESIDENTS-0019"), NOT_IN_PRIORITY_GROUP("RESIDENTS-0020"), MALE_PREGNANT(
                                                                    "RESIDENTS-0021"), END_OUTSIDE_CONTRACT(
                                                                            "RESIDENTS-0022"), TEAM_MEMBER_TWICE(
                                                                                    "RESIDENTS-0023"), CONTRACT_BEFORE_BIRTH(
                                                                                            "RESIDENTS-0024"), PLANNER_SEES_STATISTICS_ONLY(
                                                                                                    "RESIDENTS-0030"), NOT_OWN_INSTITUTION(
                                                                                                            "RESIDENTS-0031"), SEARCH_CRITERIA_REQUIRED(
                                                                                                                    "RESIDENTS-0032"), OUT_OF_RANGE(
                                                                                                                            "RESIDENTS-0033"), IDEMPOTENCY_KEY_REUSED(
                                                                                                                                    "RESIDENTS-0034"), NAME_MISMATCH_FLAGGED(
                                                                                                                                            "RESIDENTS-0040"), OUTSIDE_JURISDICTION(
                                                                                                                                                    "RESIDENTS-0041"), INVALID_REASON(
                                                                                                                                                            "RESIDENTS-0042");

    private final String code;

    ResidentsError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
