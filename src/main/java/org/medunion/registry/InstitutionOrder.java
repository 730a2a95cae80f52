package org.medunion.registry;

/** The order of an institution search: by district then name (the default), by name, or by level then name. */
public enum InstitutionOrder {
    DISTRICT,
    NAME,
    LEVEL
}
