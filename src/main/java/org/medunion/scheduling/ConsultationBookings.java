package org.medunion.scheduling;

import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.ResidentId;

/**
 * Booking an expert's consultation slot for a live consultation session (decision 0255): the consultation module has
 * checked that its caller may accept the consultation for the invited institution, so this skips the caller's
 * scheduling scope; it books only a {@link ScheduleKind#CONSULTATION} slot of the named expert at the named institution,
 * and releases only the booking it made.
 */
public interface ConsultationBookings {

    /**
     * Books the slot for the consultation's resident as {@code actor}: 422 naming {@code slotId} when it is not a
     * consultation slot of {@code expert} at {@code institution} (or does not exist), 409 when it has started or is taken.
     * Joins the caller's transaction, so a refusal after it leaves nothing booked.
     */
    BookingView bookForConsultation(SlotId slot, ResidentId resident, InstitutionId institution, PractitionerId expert,
                                    String actor);

    /**
     * Cancels the booking as {@code actor} when the consultation ends without its session (declined, cancelled, expired);
     * the slot is FREE again. A booking no longer active is returned unchanged.
     */
    BookingView releaseForConsultation(BookingId id, String actor);
}
