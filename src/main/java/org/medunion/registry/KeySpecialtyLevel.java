package org.medunion.registry;

/** SH-13: national or municipal key specialty, or TCM advantage specialty. */
public enum KeySpecialtyLevel {
    NATIONAL, MUNICIPAL, DISTRICT, TCM_ADVANTAGE
}
