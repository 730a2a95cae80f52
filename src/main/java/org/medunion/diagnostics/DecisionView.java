package org.medunion.diagnostics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A recorded decision; a recognition carries the avoided list price (I-25), a re-examination zero. */
public record DecisionView(UUID id, UUID residentId, String itemCode, UUID orderingInstitutionId, DecisionOutcome outcome,
                           @Nullable UUID reportId, @Nullable String reasonCode, @Nullable String reasonText,
                           BigDecimal avoidedPrice, String decidedBy, Instant decidedAt) {
}
