package org.medunion.indicators;

/** What an indicator value is about: one institution, one consortium (members as of each day), or a district. */
public enum Level {
    INSTITUTION, CONSORTIUM, DISTRICT
}
