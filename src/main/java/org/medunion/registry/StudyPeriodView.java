package org.medunion.registry;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** 进修: a period a community GP or paediatrician studied at a higher hospital (SH-14). */
public record StudyPeriodView(UUID id, PractitionerId practitionerId, @Nullable InstitutionId hostInstitutionId,
                              @Nullable LocalDate startDate, @Nullable LocalDate endDate) {
}
