package org.medunion.registry;

import java.time.LocalDate;

/**
 * NN-10: an institution's standardised public-health department (标准化公共卫生科), as recorded in the registry.
 *
 * @param establishedOn  the day the department was established
 * @param dedicatedStaff its dedicated (专职) staff, people
 */
public record PublicHealthDepartmentView(InstitutionId institutionId, LocalDate establishedOn, int dedicatedStaff) {
}
