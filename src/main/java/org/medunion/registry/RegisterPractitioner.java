package org.medunion.registry;

import java.time.LocalDate;

/** Command: register a practitioner at an institution. */
public record RegisterPractitioner(String name, InstitutionId institutionId, Profession profession, Title title,
                                   LocalDate titleDate, String discipline, Boolean generalPractitioner,
                                   Boolean paediatrician) {
}
