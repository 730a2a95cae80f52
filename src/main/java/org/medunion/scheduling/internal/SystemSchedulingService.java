package org.medunion.scheduling.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.ResidentId;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.ConsultationBookings;
import org.medunion.scheduling.OrderBookings;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ReferralBookings;
import org.medunion.scheduling.ScheduleView;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.unscoped.SystemScheduling;
import org.springframework.stereotype.Service;

/** The scheduling commands that skip the caller's scope, each behind the interface of the one module that may use it. */
@Service
class SystemSchedulingService implements SystemScheduling, ReferralBookings, OrderBookings, ConsultationBookings {

    private final SchedulingService scheduling;
    private final ConsultationSlotBooking consultationSlots;

    SystemSchedulingService(SchedulingService scheduling, ConsultationSlotBooking consultationSlots) {
        this.scheduling = scheduling;
        this.consultationSlots = consultationSlots;
    }

    @Override
    public List<ScheduleView> publishSchedules(List<PublishSchedule> commands, String createdBy) {
        return scheduling.publishSchedulesUnscoped(commands, createdBy);
    }

    @Override
    public BookingView bookAs(BookSlot command, String bookedBy, @Nullable InstitutionId bookedByInstitution) {
        return scheduling.bookUnscoped(command, bookedBy, bookedByInstitution);
    }

    @Override
    public BookingView bookForReferral(BookSlot command, String actor, @Nullable InstitutionId priorityFor) {
        return scheduling.bookUnscoped(command, actor, priorityFor);
    }

    @Override
    public BookingView releaseForOrder(BookingId id, String actor) {
        return scheduling.releaseForOrder(id, actor);
    }

    @Override
    public BookingView bookForConsultation(SlotId slot, ResidentId resident, InstitutionId institution, PractitionerId expert,
                                           String actor) {
        return consultationSlots.book(slot, resident, institution, expert, actor);
    }

    @Override
    public BookingView releaseForConsultation(BookingId id, String actor) {
        return scheduling.releaseForOrder(id, actor);
    }
}
