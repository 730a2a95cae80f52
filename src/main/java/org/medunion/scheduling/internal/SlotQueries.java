package org.medunion.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotQuery;
import org.medunion.scheduling.SlotSearch;
import org.medunion.scheduling.SlotStatus;
import org.medunion.scheduling.SlotView;
import org.medunion.shared.Slice;
import org.springframework.stereotype.Component;

/** Finding slots: across a consortium or a hospital for booking, and page by page for the FHIR Slot search. */
@Component
class SlotQueries {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    private final SchedulingStore store;
    private final SchedulingAccess access;
    private final Clock clock;

    SlotQueries(SchedulingStore store, SchedulingAccess access, Clock clock) {
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    List<SlotView> searchSlots(SlotSearch q) {
        Set<UUID> institutions = null;
        if (q.consortium() != null) {
            institutions = access.members(q.consortium());
        }
        if (q.institution() != null) {
            institutions = institutions == null ? Set.of(q.institution().value())
                    : institutions.contains(q.institution().value()) ? Set.of(q.institution().value()) : Set.of();
        }
        Instant from = q.date() == null ? null : q.date().atStartOfDay(clock.getZone()).toInstant();
        Instant to = q.date() == null ? null : q.date().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        int limit = q.limit() <= 0 ? DEFAULT_LIMIT : Math.min(q.limit(), MAX_LIMIT);
        return store.searchSlots(institutions, q.schedule() == null ? null : q.schedule().value(), q.department(),
                q.kind(), from, to, q.pool(), q.freeOnly(),
                q.freeOnly() ? clock.instant() : null, q.after(), limit);
    }

    Slice<SlotView> searchSlots(SlotQuery q) {
        int limit = Math.max(1, Math.min(q.limit(), MAX_LIMIT));
        UUID schedule = q.schedule() == null ? null : q.schedule().value();
        // the store's upper bounds are exclusive; the query's are the last admitted instants
        Instant notBefore = q.status() == SlotStatus.FREE ? clock.instant() : null;
        var filter = new SchedulingStore.SlotFilter(schedule, q.status(), q.startFrom(), exclusive(q.startTo()), q.updatedFrom(),
                exclusive(q.updatedTo()), notBefore);
        var page = store.slotPage(filter, limit, Math.max(0, q.offset()));
        long total = page.size() < limit && (q.offset() == 0 || !page.isEmpty()) ? q.offset() + page.size()
                : store.countSlots(filter);
        return new Slice<>(page, total);
    }

    private static @Nullable Instant exclusive(@Nullable Instant lastAdmitted) {
        return lastAdmitted == null ? null : lastAdmitted.plusNanos(1_000);
    }

    Optional<SlotView> slot(SlotId id) {
        return store.slot(id);
    }
}
