package org.medunion.residents;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Command: renew a contract for a further period starting the day after it ends. Null fields keep the
 * current values (priority groups are re-derived from age).
 *
 * @param endDate defaults to one year after the new start
 */
public record RenewContract(@Nullable LocalDate endDate, @Nullable List<String> priorityGroups,
                            @Nullable List<String> services) {
}
