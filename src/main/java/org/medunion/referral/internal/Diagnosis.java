package org.medunion.referral.internal;

/** Why the resident is referred: the reason, the ICD-10 code and text, and an optional clinical summary. */
record Diagnosis(String reason, String code, String text, String clinicalSummary) {
}
