package org.medunion.identity;

/** What a scope reference points at. */
public enum ScopeType {
    /** Everything — administrators only. */
    GLOBAL,
    /** A city or district by GB/T 2260 code (a city code covers its districts). */
    JURISDICTION,
    /** One consortium by ID. */
    CONSORTIUM,
    /** One institution by ID. */
    INSTITUTION
}
