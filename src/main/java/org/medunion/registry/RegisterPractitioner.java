package org.medunion.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Command: register a practitioner at an institution. */
public record RegisterPractitioner(String name, @Nullable InstitutionId institutionId, @Nullable Profession profession,
                                   @Nullable Title title,
                                   @Nullable LocalDate titleDate, @Nullable String discipline, @Nullable Boolean generalPractitioner,
                                   @Nullable Boolean paediatrician) {
}
