package org.medunion.fhir.internal;

/**
 * Types of a referral Task's inputs and outputs (CodeSystem {@code referral-task-parameter}): the booking made on
 * acceptance, the returned summary, and for home-based care the responsible care team, practitioner and the
 * planned start (docs/fhir.md "Referral").
 */
public enum ReferralTaskParameter {

    BOOKING, SUMMARY, CARE_TEAM, PRACTITIONER, PLANNED_START;

    public String code() {
        return Systems.code(this);
    }
}
