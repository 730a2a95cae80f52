package org.medunion.referral;

import org.medunion.shared.ErrorCode;

/**
 * The referral module's error codes (one home per code): the constant names what went wrong, the code is the
 * message-bundle key {@code error.<code>} (i18n/referral*.properties) and what callers see in problem details.
 */
public enum ReferralError implements ErrorCode {

    ILLEGAL_TRANSITION("REFERRAL-0001"),
    NO_CRITERIA_REASON("REFERRAL-0002"),
    WRONG_SIDE("REFERRAL-0003"),
    NO_RECEIVER("REFERRAL-0004"),
    CRITERION_NOT_APPLICABLE("REFERRAL-0005"),
    BOOKING_FAILED("REFERRAL-0006"),
    INVALID_ICD10("REFERRAL-0007"),
    TEXT_TOO_LONG("REFERRAL-0008"),
    SAME_INSTITUTION("REFERRAL-0009"),
    DOWNWARD_ONLY("REFERRAL-0010"),
    INVALID_PRESCRIPTION_DAYS("REFERRAL-0012"),
    CRITERION_CONSORTIUM_CHANGED("REFERRAL-0013"),
    NO_INSTITUTION("REFERRAL-0014"),
    NO_RESIDENT("REFERRAL-0015"),
    NOT_PRACTITIONER_OF("REFERRAL-0016"),
    NOT_CONSORTIUM_OF("REFERRAL-0017"),
    NOT_CONTRACT_OF("REFERRAL-0018"),
    ACCEPTANCE_DOES_NOT_FIT("REFERRAL-0019"),
    NOT_OF_RECEIVER("REFERRAL-0020"),
    START_IN_PAST("REFERRAL-0021"),
    FOLLOW_UP_NOT_OPEN("REFERRAL-0030"),
    FOLLOW_UP_ALREADY_DONE("REFERRAL-0031"),
    NO_MEDICATION_LIST("REFERRAL-0032"),
    MEDICATION_ALREADY_STOPPED("REFERRAL-0033"),
    NOT_PHYSICIAN_OF_RECEIVER("REFERRAL-0034");

    private final String code;

    ReferralError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
