package org.medunion.registry;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Command: register (or, with {@link RegistryManagement#updateInstitution}, change) an institution. */
public record RegisterInstitution(@Nullable String name, @Nullable String creditCode, @Nullable InstitutionCategory category,
                                  @Nullable HospitalLevel level,
                                  @Nullable HospitalGrade grade, @Nullable Ownership ownership, @Nullable String ownerBody,
                                  @Nullable Affiliation affiliation,
                                  @Nullable Boolean tcm, @Nullable String districtCode, @Nullable GridId gridId,
                                  @Nullable InstitutionId parentId,
                                  @Nullable Boolean regionalMedicalCentre, @Nullable String address,
                                  @Nullable List<InstitutionView.Campus> campuses,
                                  @Nullable List<InstitutionView.KeySpecialty> keySpecialties) {
}
