package org.medunion.referral;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The receiving side accepts and books capacity for the resident through scheduling — an outpatient or
 * exam slot, or a bed — with priority for contracted residents referred by their primary institution
 * (优先就诊/检查/住院, SH-15, CQ-6). Name either the slot ({@code resourceId}) or a schedule of the receiving
 * institution ({@code scheduleId}, optionally a {@code date}) whose first free slot is taken.
 */
public record AcceptReferral(BookingKind bookingKind, UUID resourceId, UUID scheduleId, LocalDate date, String note) {
}
