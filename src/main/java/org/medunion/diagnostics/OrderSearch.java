package org.medunion.diagnostics;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A search over the orders the caller may see (the same scope as {@link DiagnosticsManagement#orders}): by resident, by
 * the institution running the centre (the centre's work list), by the ordering institution and by status (empty = any);
 * null means any. One page of {@code count} from {@code offset}, earliest due first.
 */
public record OrderSearch(@Nullable UUID residentId, @Nullable UUID centreInstitutionId, @Nullable UUID orderingInstitutionId,
                          Set<OrderStatus> statuses, int count, int offset) {
}
