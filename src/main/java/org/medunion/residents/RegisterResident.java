package org.medunion.residents;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;

/**
 * Command: register a resident from an institution's record. Registering an ID number already in the index
 * does not create a second resident: the record is linked to the existing one (idempotent).
 *
 * @param idNumber            GB 11643 resident ID number (required)
 * @param sex                 GB/T 2261.1 code (1, 2, 0, 9) or enum name; if given, must match the ID number
 * @param birthDate           if given, must match the ID number
 * @param phone               11-digit mobile (1xxxxxxxxxx) or landline (0xx-xxxxxxxx), optional
 * @param districtCode        GB/T 2260 code of the address district, optional (defaults to the ID's region)
 * @param sourceInstitutionId institution whose record this is, optional
 * @param localRecordNumber   that institution's MRN, optional
 */
public record RegisterResident(String idNumber, String name, @Nullable String sex, @Nullable LocalDate birthDate,
                               @Nullable String phone, @Nullable String districtCode,
                               @Nullable InstitutionId sourceInstitutionId, @Nullable String localRecordNumber) {
}
