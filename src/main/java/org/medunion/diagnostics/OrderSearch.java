package org.medunion.diagnostics;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.ChangeWindow;

/**
 * A search over the orders the caller may see (the same scope as {@link DiagnosticsManagement#orders}): by resident, by
 * the institution running the centre (the centre's work list), by the ordering institution, by status (empty = any), by
 * one order, by the items' kinds (empty = any) and by when the order last changed ({@code _lastUpdated}, in SQL); null
 * means any. One page of {@code count} from {@code offset}, earliest due first.
 */
public record OrderSearch(@Nullable UUID residentId, @Nullable UUID centreInstitutionId, @Nullable UUID orderingInstitutionId,
                          Set<OrderStatus> statuses, int count, int offset, @Nullable OrderId orderId, Set<ItemKind> kinds,
                          ChangeWindow changed) {

    /** Any order, any kind, any change time. */
    public OrderSearch(@Nullable UUID residentId, @Nullable UUID centreInstitutionId, @Nullable UUID orderingInstitutionId,
                       Set<OrderStatus> statuses, int count, int offset) {
        this(residentId, centreInstitutionId, orderingInstitutionId, statuses, count, offset, null, EnumSet.noneOf(ItemKind.class),
                ChangeWindow.ANY);
    }
}
