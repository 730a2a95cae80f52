package org.medunion.consultation;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Sets (or replaces) the fee of one consultation type under one agreement (TM-13); amount in yuan, 0 … 100000. */
public record SetConsultationFee(@Nullable UUID agreementId, @Nullable ConsultationType type, @Nullable BigDecimal amount,
                                 @Nullable FeePayer payer) {
}
