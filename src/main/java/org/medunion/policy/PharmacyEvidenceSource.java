package org.medunion.policy;

import java.util.Map;
import java.util.UUID;

/**
 * Extension point for the rules whose data the pharmacy module holds (CQ-5, NN-8, NAT-6, NAT-10): each member's catalogue
 * linkage to the consortium formulary (RX-14) and aggregate prescription counts — no personal data. The pharmacy
 * module implements it (the policy module cannot depend on pharmacy, which reads policy); without an implementation
 * those rules report NO_DATA.
 */
public interface PharmacyEvidenceSource {

    /** Everything in one read per evaluation (one evaluation covers the whole city). */
    PharmacyEvidence evidence();

    /**
     * @param catalogues    per institution with a catalogue: its items and how many are mapped to the formulary
     * @param prescriptions prescriptions ever written (not cancelled), by prescribing institution
     * @param flowed        of those, dispensed or to be dispensed at another member or by central distribution (RX-15)
     * @param longestSupply the longest supply in days of any line of those, by prescribing institution (CQ-5)
     */
    record PharmacyEvidence(Map<UUID, Catalogue> catalogues, Map<UUID, Long> prescriptions, Map<UUID, Long> flowed,
                            Map<UUID, Long> longestSupply) {
    }

    record Catalogue(long items, long mapped) {

        /** Mapped ÷ items; 0 for an empty catalogue. */
        public double coverage() {
            return items == 0 ? 0 : (double) mapped / items;
        }
    }
}
