package org.medunion.referral;

/** What the receiving side books when it accepts: an outpatient slot, an inpatient bed or an exam slot. */
public enum BookingKind {
    SLOT, BED, EXAM
}
