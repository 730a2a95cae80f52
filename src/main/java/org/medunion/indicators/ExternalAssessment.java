package org.medunion.indicators;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The commission's external assessment: every dimension assessed, an overall rating and a conclusion (up to 4000
 * characters). Evidence and reference of an entry are ignored: evidence is the lead unit's.
 */
public record ExternalAssessment(@Nullable List<DimensionEntry> dimensions, @Nullable String overallRating,
                                 @Nullable String conclusion) {
}
