package org.medunion.residents;

import java.time.LocalDate;
import java.util.List;

/**
 * Command: renew a contract for a further period starting the day after it ends. Null fields keep the
 * current values (priority groups are re-derived from age).
 *
 * @param endDate defaults to one year after the new start
 */
public record RenewContract(LocalDate endDate, List<String> priorityGroups, List<String> services) {
}
