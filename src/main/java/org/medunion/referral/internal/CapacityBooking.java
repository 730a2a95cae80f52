package org.medunion.referral.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.BookingKind;
import org.medunion.referral.ReferralError;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ResidentId;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.ReferralBookings;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SlotId;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Books the capacity a referral is accepted with, through the scheduling facade, in the accepting
 * transaction (a failed acceptance leaves no booking). For a contracted resident referred by their own
 * primary institution the booking is made on that institution's behalf, so reserved primary-care capacity
 * and the slot kind's priority apply (优先就诊/检查/住院, SH-15, CQ-6); otherwise from the public pool.
 */
@Component
class CapacityBooking {

    private final ReferralBookings scheduling;

    CapacityBooking(ReferralBookings scheduling) {
        this.scheduling = scheduling;
    }

    BookingView book(@Nullable BookingKind kind, @Nullable UUID slotId, @Nullable UUID scheduleId, @Nullable LocalDate date,
                     UUID residentId,
                     UUID receivingInstitution, @Nullable UUID priorityFor, String actor) {
        var command = slotId != null ? BookSlot.slot(new SlotId(slotId), new ResidentId(residentId))
                : new BookSlot(null, new ScheduleId(ReferralInput.required(scheduleId, "scheduleId")), date, new ResidentId(residentId));
        BookingView booking = scheduling.bookForReferral(command, actor,
                priorityFor == null ? null : new InstitutionId(priorityFor));
        if (!receivingInstitution.equals(booking.institutionId().value())) {
            throw new InvalidInputException(slotId != null ? "resourceId" : "scheduleId", ReferralError.BOOKING_FAILED,
                    "not a slot of the receiving institution");
        }
        if (!fits(kind, booking.kind())) {
            throw new InvalidInputException("bookingKind", ReferralError.BOOKING_FAILED, booking.kind().name());
        }
        return booking;
    }

    static boolean fits(@Nullable BookingKind kind, ScheduleKind slotKind) {
        if (kind == null) {
            return false;
        }
        return switch (kind) {
            case SLOT -> slotKind.isOutpatient();
            case BED -> slotKind == ScheduleKind.INPATIENT_BED;
            case EXAM -> slotKind == ScheduleKind.EXAM;
        };
    }
}
