package org.medunion.consultation;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * TM-13: the price list of the consortium office — per agreement between two institutions (read through the
 * registry) and consultation type, the fee and who pays it. Closing a consultation under an agreement whose fee for
 * its type is above zero records one price item ({@link ConsultationView.Charge}). Only the office of the agreement's
 * consortium reads and keeps it (another consortium's agreement is 404, other roles 403); every change is audited.
 */
public interface ConsultationFees {

    List<ConsultationFee> fees(@Nullable UUID agreementId);

    ConsultationFee setFee(SetConsultationFee command);
}
