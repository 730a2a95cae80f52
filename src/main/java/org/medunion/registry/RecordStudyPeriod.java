package org.medunion.registry;

import java.time.LocalDate;

/** Command: record a study period (进修) of a practitioner at a higher hospital (SH-14). */
public record RecordStudyPeriod(InstitutionId hostInstitutionId, LocalDate startDate, LocalDate endDate) {
}
