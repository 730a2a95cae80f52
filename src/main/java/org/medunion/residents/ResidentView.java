package org.medunion.residents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;

/**
 * A resident as the caller may see them (S-3).
 *
 * @param residentIdNumberMasked resident ID number, always masked (110101********1234)
 * @param phoneMasked            phone, always masked (138****5678)
 * @param residentIdNumber       the full number — only for roles that need it (GP, SPECIALIST), else null
 * @param phone                  the full phone — only for roles that need it, else null
 * @param sourceInstitutionId    the institution whose record created the resident (may be null)
 * @param linkedRecords          records of institutions linked to this resident
 * @param updatedAt              when the resident's record last changed (FHIR {@code meta.lastUpdated})
 */
public record ResidentView(ResidentId id, String residentIdNumberMasked, String name, Sex sex, LocalDate birthDate,
                           @Nullable String phoneMasked, String districtCode, List<RecordLink> linkedRecords,
                           @Nullable String residentIdNumber, @Nullable String phone,
                           @Nullable InstitutionId sourceInstitutionId, long version,
                           Instant updatedAt) {

    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }
}
