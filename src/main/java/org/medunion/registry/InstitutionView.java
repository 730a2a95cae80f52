package org.medunion.registry;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An institution as other modules see it.
 *
 * @param ownerBody              办医主体, e.g. 申康医院发展中心, a university, a district government
 * @param regionalMedicalCentre  区域性医疗中心 (SH-2)
 * @param parentId               main institution when this is a branch campus (FHIR partOf)
 * @param campuses               campuses by district, existing and planned (SH-4, SH-5)
 * @param keySpecialties         key and TCM-advantage specialties (SH-13)
 */
public record InstitutionView(InstitutionId id, String name, String creditCode, InstitutionCategory category,
                              HospitalLevel level, @Nullable HospitalGrade grade, @Nullable Ownership ownership, @Nullable String ownerBody,
                              @Nullable Affiliation affiliation, boolean tcm, String districtCode, @Nullable GridId gridId,
                              @Nullable InstitutionId parentId, boolean regionalMedicalCentre, @Nullable String address,
                              List<Campus> campuses, List<KeySpecialty> keySpecialties, long version, @Nullable Instant updatedAt) {

    public boolean isPrimary() {
        return category.isPrimary();
    }

    /** 公立医院: a public institution of a hospital kind (NN-9's recognition share, I-10's participation). */
    public boolean isPublicHospital() {
        return ownership == Ownership.PUBLIC && category.isHospital();
    }

    /** 市级综合医院 (non-TCM): the hospitals SH-3 and SH-4 count. */
    public boolean isMunicipalGeneralHospital() {
        return affiliation == Affiliation.MUNICIPAL && category == InstitutionCategory.GENERAL_HOSPITAL && !tcm;
    }

    public record Campus(@Nullable String districtCode, @Nullable String name, boolean planned) {
    }

    public record KeySpecialty(String discipline, @Nullable KeySpecialtyLevel level) {
    }
}
