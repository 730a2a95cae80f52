package org.medunion.scheduling.internal;

import java.time.Clock;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.ResidentId;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingError;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotView;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Behind {@link org.medunion.scheduling.ConsultationBookings}: the slot must be a consultation slot of the expert's
 * schedule at the invited institution and still ahead; the claim itself is the one conditional update of
 * {@link SlotBooking} (a taken slot is its 409).
 */
@Component
class ConsultationSlotBooking {

    private final SchedulingStore store;
    private final SlotBooking booking;
    private final Clock clock;

    ConsultationSlotBooking(SchedulingStore store, SlotBooking booking, Clock clock) {
        this.store = store;
        this.booking = booking;
        this.clock = clock;
    }

    BookingView book(SlotId id, ResidentId resident, InstitutionId institution, PractitionerId expert, String actor) {
        SlotView slot = store.slot(id).filter(s -> s.kind() == ScheduleKind.CONSULTATION)
                .orElseThrow(() -> new InvalidInputException("slotId", SchedulingError.NOT_A_CONSULTATION_SLOT, id));
        var schedule = store.schedule(slot.scheduleId()).orElseThrow();
        if (!institution.equals(slot.institutionId()) || !expert.equals(schedule.practitionerId())) {
            throw new InvalidInputException("slotId", SchedulingError.CONSULTATION_SLOT_OF_ANOTHER, id);
        }
        if (!slot.start().isAfter(clock.instant())) {
            throw new ConflictException(SchedulingError.SLOT_STARTED, "slotId", id);
        }
        return booking.bookUnscoped(BookSlot.slot(id, resident), actor, null);
    }
}
