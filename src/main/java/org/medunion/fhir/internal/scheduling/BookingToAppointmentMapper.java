package org.medunion.fhir.internal.scheduling;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Reference;
import org.medunion.fhir.internal.Systems;
import org.medunion.scheduling.BookingView;

/** A booking as FHIR Appointment: slot, patient participant, status, priority tag (优先就诊/检查/住院). */
final class BookingToAppointmentMapper {

    private BookingToAppointmentMapper() {
    }

    static Appointment appointment(BookingView b) {
        var a = new Appointment();
        a.setId("Appointment/" + b.id());
        a.getMeta().setLastUpdated(SchedulingFhir.date(b.updatedAt()));
        a.addIdentifier().setSystem(SchedulingFhir.ID_BOOKING).setValue(b.id().toString());
        a.setStatus(switch (b.status()) {
            case BOOKED -> Appointment.AppointmentStatus.BOOKED;
            case CANCELLED -> Appointment.AppointmentStatus.CANCELLED;
            case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
            case ATTENDED -> Appointment.AppointmentStatus.FULFILLED;
        });
        a.addServiceCategory().addCoding().setSystem(SchedulingFhir.SCHEDULE_KIND_SYSTEM).setCode(Systems.code(b.kind()));
        a.addServiceType().setText(b.department());
        if (b.priority() != null) {
            a.setPriority(1);
            a.getMeta().addTag(SchedulingFhir.BOOKING_PRIORITY_SYSTEM, Systems.code(b.priority()), null);
        }
        a.setStart(SchedulingFhir.date(b.start()));
        a.setEnd(SchedulingFhir.date(b.end()));
        a.setCreated(SchedulingFhir.date(b.createdAt()));
        a.addSlot(new Reference("Slot/" + b.slotId()));
        a.addParticipant().setActor(new Reference("Patient/" + b.residentId()))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return a;
    }
}
