package org.medunion.diagnostics;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Publishes the next version of a jurisdiction's list; it is in force from {@code validFrom}. */
public record PublishList(@Nullable String jurisdiction, @Nullable LocalDate validFrom, @Nullable List<ItemList.Entry> entries) {
}
