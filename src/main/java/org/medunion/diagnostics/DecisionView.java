package org.medunion.diagnostics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A recorded decision; a recognition carries the avoided list price (I-25), a re-examination zero. {@code orderId} is the
 * order placed with a re-examination at order entry (none when the decision was recorded on its own).
 */
public record DecisionView(UUID id, UUID residentId, String itemCode, UUID orderingInstitutionId, DecisionOutcome outcome,
                           @Nullable UUID reportId, @Nullable String reasonCode, @Nullable String reasonText,
                           BigDecimal avoidedPrice, String decidedBy, Instant decidedAt,
                           @Nullable UUID orderId) {
}
