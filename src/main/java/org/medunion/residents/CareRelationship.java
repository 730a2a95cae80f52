package org.medunion.residents;

/**
 * Why a caller may read a resident (issue 10: access follows a care relationship). The first five and the
 * last are relationships of an institution; JURISDICTION and ADMINISTRATION are the standing access of roles that
 * are not an institution's. The name is recorded as the purpose of use in the audit rows of reads.
 */
public enum CareRelationship {
    /** The resident's "1+1+1" contract in force names the institution (team, district or municipal hospital). */
    CONTRACT_TEAM,
    /** The institution received a submitted referral (or consultation) for the resident. */
    REFERRAL_RECEIVED,
    /** The resident has a booking at the institution. */
    BOOKING,
    /** The institution registered a record of its own for the resident, under the resident's name. */
    OWN_RECORD,
    /** An explicit, time-limited break-the-glass with a reason, reported to the contracted institution. */
    BREAK_THE_GLASS,
    /** A jurisdiction-scoped account (integrator) and a resident living in that jurisdiction. */
    JURISDICTION,
    /** The system administrator (global scope). */
    ADMINISTRATION,
    /** The institution runs a shared diagnostic centre that received an order for the resident (issue 15). */
    DIAGNOSTIC_ORDER_RECEIVED
}
