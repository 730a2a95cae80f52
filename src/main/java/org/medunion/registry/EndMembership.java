package org.medunion.registry;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Command: a member leaves; memberships are ended, never deleted. ADJUSTMENT report. */
public record EndMembership(UUID membershipId, @Nullable LocalDate endDate, @Nullable String reason, @Nullable String overrideReason) {
}
