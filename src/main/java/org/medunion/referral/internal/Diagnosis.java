package org.medunion.referral.internal;

import org.jspecify.annotations.Nullable;

/** Why the resident is referred: the reason, the ICD-10 code and text, and an optional clinical summary. */
record Diagnosis(String reason, String code, String text, @Nullable String clinicalSummary) {
}
