package org.medunion.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medunion.shared.InstitutionDays;

/**
 * The published slots behind the release indicators I-8, I-9 and I-22, one row each, from the same per-slot query as
 * {@link SchedulingManagement#releaseRatios}, so a ratio and the slots a reader recounts cannot disagree. Slots only: no
 * booking's resident leaves the module, so the caller's right to see the subject is the indicators module's to check.
 */
public interface SlotMeasures {

    /** Which slots a list shows: I-8's outpatient slots, I-9's reserved ones, I-22's exam slots. */
    enum CountedSlots {
        OUTPATIENT, RESERVED, EXAM
    }

    /**
     * One slot, by the day it starts.
     *
     * @param reserved            reserved for primary care at publication (I-8's and I-22's numerator)
     * @param released            reserved but released to the public pool unused
     * @param bookedByPrimaryCare reserved and booked through primary care, the booking not cancelled (I-9's numerator)
     */
    record CountedSlot(UUID slotId, UUID institutionId, String department, ScheduleKind kind, Instant startAt,
                       boolean reserved, boolean released, boolean bookedByPrimaryCare) {
    }

    /** The slots of the windows' institutions starting on their days in {@code which}, earliest first, at most {@code limit}. */
    List<CountedSlot> slotRecords(CountedSlots which, List<InstitutionDays> windows, int limit);
}
