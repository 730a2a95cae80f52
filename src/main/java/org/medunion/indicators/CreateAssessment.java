package org.medunion.indicators;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The commission opens an assessment of a consortium in its jurisdiction.
 *
 * @param kind BASELINE, ANNUAL or FINAL
 * @param year the calendar year judged: not after the current year
 */
public record CreateAssessment(@Nullable UUID consortiumId, @Nullable String kind, @Nullable Integer year) {
}
