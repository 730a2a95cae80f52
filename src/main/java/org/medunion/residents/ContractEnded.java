package org.medunion.residents;

import java.time.LocalDate;

/** Event: a family-doctor contract was ended early. */
public record ContractEnded(ContractId contractId, ResidentId residentId, LocalDate endDate, String reason) {
}
