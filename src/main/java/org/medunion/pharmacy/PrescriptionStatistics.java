package org.medunion.pharmacy;

import java.util.Map;

/** Counts in the caller's scope: by status, returns and prescriber overrides, findings per rule (I-14 inputs). */
public record PrescriptionStatistics(Map<PrescriptionStatus, Long> byStatus, long returns, long overrides,
                                     Map<String, Long> findingsByCategory) {
}
