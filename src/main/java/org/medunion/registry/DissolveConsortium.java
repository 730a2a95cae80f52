package org.medunion.registry;

import java.time.LocalDate;

/** Command: dissolve a consortium; all memberships end. DISSOLUTION report. */
public record DissolveConsortium(LocalDate dissolvedOn, String reason, String overrideReason) {
}
