package org.medunion.referral;

import java.util.UUID;

/**
 * The receiving side accepts and books capacity for the resident: an outpatient or exam slot, or a bed,
 * through scheduling — with priority for contracted residents (SH-15, CQ-6).
 *
 * @param resourceId the slot or bed to book
 */
public record AcceptReferral(BookingKind bookingKind, UUID resourceId, String note) {
}
