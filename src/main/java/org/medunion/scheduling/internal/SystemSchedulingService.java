package org.medunion.scheduling.internal;

import java.util.List;
import org.medunion.registry.InstitutionId;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.OrderBookings;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ReferralBookings;
import org.medunion.scheduling.ScheduleView;
import org.medunion.scheduling.unscoped.SystemScheduling;
import org.springframework.stereotype.Service;

/** The scheduling commands that skip the caller's scope, each behind the interface of the one module that may use it. */
@Service
class SystemSchedulingService implements SystemScheduling, ReferralBookings, OrderBookings {

    private final SchedulingService scheduling;

    SystemSchedulingService(SchedulingService scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public List<ScheduleView> publishSchedules(List<PublishSchedule> commands, String createdBy) {
        return scheduling.publishSchedulesUnscoped(commands, createdBy);
    }

    @Override
    public BookingView bookAs(BookSlot command, String bookedBy, InstitutionId bookedByInstitution) {
        return scheduling.bookUnscoped(command, bookedBy, bookedByInstitution);
    }

    @Override
    public BookingView bookForReferral(BookSlot command, String actor, InstitutionId priorityFor) {
        return scheduling.bookUnscoped(command, actor, priorityFor);
    }

    @Override
    public BookingView releaseForOrder(BookingId id, String actor) {
        return scheduling.releaseForOrder(id, actor);
    }
}
