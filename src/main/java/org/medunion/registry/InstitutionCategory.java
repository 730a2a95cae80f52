package org.medunion.registry;

/** 机构类别 — the categories of product.md §1. */
public enum InstitutionCategory {

    GENERAL_HOSPITAL,
    TCM_HOSPITAL,
    INTEGRATED_HOSPITAL,
    SPECIALTY_HOSPITAL,
    COMMUNITY_HEALTH_CENTRE,
    COMMUNITY_HEALTH_STATION,
    TOWNSHIP_HOSPITAL,
    VILLAGE_CLINIC,
    NURSING_HOME,
    REHAB,
    HOSPICE,
    MATERNAL_CHILD,
    PUBLIC_HEALTH;

    /** 基层医疗卫生机构: community centres and stations, township hospitals, village clinics. */
    /** 医院: the kinds that run clinical examinations and tests (not nursing homes, hospices or public-health bodies). */
    public boolean isHospital() {
        return this == GENERAL_HOSPITAL || this == TCM_HOSPITAL || this == INTEGRATED_HOSPITAL || this == SPECIALTY_HOSPITAL
                || this == MATERNAL_CHILD || this == REHAB;
    }

    public boolean isPrimary() {
        return this == COMMUNITY_HEALTH_CENTRE || this == COMMUNITY_HEALTH_STATION || this == TOWNSHIP_HOSPITAL
                || this == VILLAGE_CLINIC;
    }

    /** TCM and integrated TCM–Western hospitals (exempt from SH-3 and SH-4). */
    public boolean isTcm() {
        return this == TCM_HOSPITAL || this == INTEGRATED_HOSPITAL;
    }
}
