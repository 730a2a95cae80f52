package org.medunion.registry;

import java.time.LocalDate;
import java.util.UUID;

/** One day a dispatched person worked on site. */
public record WorkLogView(UUID id, UUID dispatchId, LocalDate workDate, double hours, String note) {
}
