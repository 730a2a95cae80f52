package org.medunion.indicators;

import org.medunion.pharmacy.PrescriptionMeasures.CountedPrescription;

/** A prescription behind I-14, I-26, I-27, I-28 or I-31 with the institutions' names; no resident data. */
public record PrescriptionRecord(CountedPrescription prescription, String prescribingInstitution, String reviewingInstitution,
                                 DrillDown.Counted counted) {
}
