package org.medunion.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Command: dissolve a consortium; all memberships end. DISSOLUTION report. */
public record DissolveConsortium(@Nullable LocalDate dissolvedOn, @Nullable String reason, @Nullable String overrideReason) {
}
