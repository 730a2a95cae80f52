package org.medunion.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Command: a dispatched person worked on site on a day. */
public record LogWork(@Nullable LocalDate workDate, @Nullable Double hours, @Nullable String note) {
}
