package org.medunion.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Command: record a study period (进修) of a practitioner at a higher hospital (SH-14). */
public record RecordStudyPeriod(@Nullable InstitutionId hostInstitutionId, LocalDate startDate, LocalDate endDate) {
}
