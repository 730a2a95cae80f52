package org.medunion.consultation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * TM-13: the fee an agreement (registry) states for one consultation type, in yuan (CNY); an amount of zero says the
 * type is free under that agreement, so no price item is recorded.
 */
public record ConsultationFee(UUID agreementId, ConsultationType type, BigDecimal amount, FeePayer payer, String updatedBy,
                              Instant updatedAt) {
}
