package org.medunion.registry;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One day a dispatched person worked on site. */
public record WorkLogView(UUID id, UUID dispatchId, @Nullable LocalDate workDate, double hours, @Nullable String note) {
}
