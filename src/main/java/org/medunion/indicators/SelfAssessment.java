package org.medunion.indicators;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The lead unit's self-assessment: every dimension assessed in the consortium's jurisdiction, with evidence. */
public record SelfAssessment(@Nullable List<DimensionEntry> dimensions) {
}
