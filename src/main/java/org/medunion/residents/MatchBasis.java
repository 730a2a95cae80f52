package org.medunion.residents;

/** Why a record of an institution was linked to a resident. */
public enum MatchBasis {
    /** The resident ID number is the same: the same person. */
    ID_NUMBER,
    /** Linked by a person after reviewing a possible duplicate, or by an explicit link request. */
    MANUAL
}
