package org.medunion.consultation;

import org.jspecify.annotations.Nullable;

/** The expert turns the consultation into a priority referral to the invited institution (TM-16). */
public record ConvertToReferral(@Nullable String diagnosisCode, @Nullable String diagnosisText,
                                @Nullable String toDepartment) {
}
