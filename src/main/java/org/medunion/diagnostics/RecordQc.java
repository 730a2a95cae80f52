package org.medunion.diagnostics;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record RecordQc(@Nullable UUID institutionId, @Nullable String itemCode, @Nullable Boolean passed,
                       @Nullable String level, @Nullable String scopeLabel, @Nullable LocalDate validFrom,
                       @Nullable LocalDate validUntil) {
}
