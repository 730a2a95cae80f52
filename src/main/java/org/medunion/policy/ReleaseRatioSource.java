package org.medunion.policy;

import java.util.Optional;
import org.medunion.registry.InstitutionId;

/**
 * Extension point for NN-4 / NAT-8: the share of a lead hospital's outpatient slots and inpatient beds
 * reserved for family-doctor teams and primary institutions in the current schedule period. The
 * scheduling module implements it as a Spring bean once schedules exist; until then NN-4 reports NO_DATA.
 */
public interface ReleaseRatioSource {

    /** The reserved and total counts of the institution's current schedule period, or empty when unknown. */
    Optional<ReleaseRatio> releaseRatio(InstitutionId leadHospital);

    /**
     * Counts of one schedule period.
     *
     * @param period e.g. {@code 2026-11}
     */
    record ReleaseRatio(String period, long reservedSlots, long totalSlots, long reservedBeds, long totalBeds) {
    }
}
