package org.medunion.registry;

import java.time.LocalDate;
import java.util.UUID;

/** 进修: a period a community GP or paediatrician studied at a higher hospital (SH-14). */
public record StudyPeriodView(UUID id, PractitionerId practitionerId, InstitutionId hostInstitutionId,
                              LocalDate startDate, LocalDate endDate) {
}
