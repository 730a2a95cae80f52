package org.medunion.registry;

import java.time.LocalDate;

/**
 * Records (or replaces) an institution's public-health department (NN-10). Both fields are required: the day it was
 * established (not in the future) and its dedicated staff (0 or more; NN-10 reads the minimum from the NN pack).
 */
public record RecordPublicHealthDepartment(LocalDate establishedOn, Integer dedicatedStaff) {
}
