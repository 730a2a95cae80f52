package org.medunion.registry;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A practitioner and the title that matters for dispatch rules (SH-8: title date).
 *
 * @param generalPractitioner 全科医生 (SH-14)
 * @param paediatrician       儿科医生 (SH-14)
 * @param updatedAt           when it last changed (FHIR {@code meta.lastUpdated})
 */
public record PractitionerView(PractitionerId id, String name, InstitutionId institutionId, @Nullable Profession profession,
                               @Nullable Title title, @Nullable LocalDate titleDate, @Nullable String discipline,
                               boolean generalPractitioner,
                               boolean paediatrician, long version, @Nullable Instant updatedAt) {
}
