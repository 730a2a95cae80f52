package org.medunion.consultation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A consultation behind I-15, I-17 or I-18, as the indicators count it: its number, form, the two institutions and the
 * times that decide how it counts. No resident data: the consultation module keeps the resident on its side.
 *
 * @param acceptedAt        the first acceptance (I-17's hours, I-18's denominator); null when never accepted
 * @param opinionSignedAt   the signed opinion (I-17's second part); null when none
 * @param closedAt          closed with the inviting side's acknowledgement (I-15, I-18's numerator); null when open
 * @param convertedReferral whether an advice request was turned into a referral (I-18's conversion part)
 */
public record CountedConsultation(UUID id, String number, ConsultationType type, ConsultationUrgency urgency,
                                  ConsultationStatus status, UUID fromInstitutionId, UUID toInstitutionId,
                                  Instant requestedAt, @Nullable Instant acceptedAt, @Nullable Instant opinionSignedAt,
                                  @Nullable Instant closedAt, boolean convertedReferral) {
}
