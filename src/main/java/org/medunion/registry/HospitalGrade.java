package org.medunion.registry;

/** 甲 / 乙 / 丙 within a level. */
public enum HospitalGrade {
    A, B, C, UNGRADED
}
