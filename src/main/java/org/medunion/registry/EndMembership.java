package org.medunion.registry;

import java.time.LocalDate;
import java.util.UUID;

/** Command: a member leaves; memberships are ended, never deleted. ADJUSTMENT report. */
public record EndMembership(UUID membershipId, LocalDate endDate, String reason, String overrideReason) {
}
