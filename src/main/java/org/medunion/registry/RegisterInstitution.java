package org.medunion.registry;

import java.util.List;

/** Command: register (or, with {@link RegistryManagement#updateInstitution}, change) an institution. */
public record RegisterInstitution(String name, String creditCode, InstitutionCategory category, HospitalLevel level,
                                  HospitalGrade grade, Ownership ownership, String ownerBody, Affiliation affiliation,
                                  Boolean tcm, String districtCode, GridId gridId, InstitutionId parentId,
                                  Boolean regionalMedicalCentre, String address,
                                  List<InstitutionView.Campus> campuses, List<InstitutionView.KeySpecialty> keySpecialties) {
}
