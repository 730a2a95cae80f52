package org.medunion.pharmacy;

import java.util.List;

/**
 * The live check of a prescription being written (the console's feedback while the prescriber types): the
 * pre-screen findings and whether it is a long prescription with its ceiling. Nothing is written; a blocking rule
 * is a 422 naming the rule and its clause, exactly as when the prescription is submitted.
 *
 * @param longPrescription      beyond RX-1's ordinary days for a chronic disease (RX-5, RX-6)
 * @param maxDays               the ceiling in force for the prescribing institution (RX-6 or CQ-5)
 * @param longPrescriptionRule  the rule behind {@code maxDays}
 */
public record PrescriptionCheck(List<PrescreenFinding> findings, boolean longPrescription, int maxDays, String longPrescriptionRule) {
}
