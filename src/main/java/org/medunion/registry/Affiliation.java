package org.medunion.registry;

/** 隶属关系 — who runs the institution: the city, a district, a county (or a township below it). */
public enum Affiliation {
    MUNICIPAL, DISTRICT, COUNTY, TOWNSHIP
}
