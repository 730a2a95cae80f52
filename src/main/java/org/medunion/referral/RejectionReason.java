package org.medunion.referral;

/** Coded reasons for rejecting a referral (published as a CodeSystem at /fhir; I-13 counts them). */
public enum RejectionReason {
    NO_CAPACITY, NOT_INDICATED, WRONG_DEPARTMENT, INCOMPLETE_INFORMATION, OUTSIDE_SERVICE_SCOPE, PATIENT_DECLINED, OTHER
}
