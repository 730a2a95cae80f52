package org.medunion.indicators;

import org.medunion.scheduling.SlotMeasures.CountedSlot;

/** A published slot behind I-8, I-9 or I-22 with its institution's name; no booking's resident. */
public record SlotRecord(CountedSlot slot, String institution, DrillDown.Counted counted) {
}
