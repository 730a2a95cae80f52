package org.medunion.fhir.internal.scheduling;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.residents.ResidentId;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.scheduling.SlotId;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * FHIR Appointment. {@code POST /fhir/Appointment} referencing a free Slot books it atomically for the
 * Patient participant (a taken Slot → 409 with OperationOutcome, SCHEDULING-0001); an {@code Idempotency-Key}
 * header makes repetitions return the same Appointment: the shared {@code IdempotencyFilter} answers them
 * before HAPI runs. Search by {@code patient} or {@code slot}; a consultation's
 * session is the Appointment {@code <consultation>-session} ({@link ConsultationSessions}, decision 0245).
 */
@Component
public class AppointmentResourceProvider implements IResourceProvider {

    private final SchedulingManagement scheduling;
    private final ConsultationSessions sessions;

    AppointmentResourceProvider(SchedulingManagement scheduling, ConsultationSessions sessions) {
        this.scheduling = scheduling;
        this.sessions = sessions;
    }

    @Override
    public Class<Appointment> getResourceType() {
        return Appointment.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Appointment appointment) {
        if (appointment.hasStatus() && appointment.getStatus() != Appointment.AppointmentStatus.BOOKED
                && appointment.getStatus() != Appointment.AppointmentStatus.PROPOSED
                && appointment.getStatus() != Appointment.AppointmentStatus.PENDING) {
            throw new InvalidInputException("Appointment.status", "request.unknownValue",
                    appointment.getStatus().toCode(), "booked, proposed, pending");
        }
        if (appointment.getSlot().size() != 1) {
            throw new InvalidInputException("Appointment.slot", "field.required");
        }
        var slot = SchedulingFhir.uuid(appointment.getSlotFirstRep().getReference(), "Slot", "Appointment.slot[0]");
        var patient = appointment.getParticipant().stream()
                .map(p -> p.getActor().getReference())
                .filter(r -> r != null && r.startsWith("Patient/"))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("Appointment.participant.actor", "field.required"));
        var resident = new ResidentId(SchedulingFhir.uuid(patient, "Patient", "Appointment.participant.actor"));
        var booking = scheduling.book(BookSlot.slot(new SlotId(slot), resident));
        var created = BookingToAppointmentMapper.appointment(booking);
        var outcome = new MethodOutcome(new IdType("Appointment", booking.id().toString()), true);
        outcome.setResource(created);
        return outcome;
    }

    /** A booking by its id, a consultation's session by {@code <consultation>-session} (decision 0245). */
    @Read
    public Appointment read(@IdParam IdType id) {
        if (ConsultationSessions.isSession(id.getIdPart())) {
            return sessions.read(id);
        }
        return scheduling.booking(new BookingId(SchedulingFhir.uuid(id.getIdPart(), null, "id")))
                .map(BookingToAppointmentMapper::appointment)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /**
     * {@code patient} and {@code slot} combine (a resident's bookings of one slot); each is a handful of rows.
     * {@code _lastUpdated} narrows in SQL, before bookings are read and audited. A patient's consultation sessions
     * follow the bookings; {@code actor}/{@code practitioner}, {@code date} and {@code based-on} search the sessions
     * only (bookings name no practitioner). One of patient, slot, actor, practitioner or based-on is required.
     */
    @Search
    @SuppressWarnings("checkstyle:ParameterNumber") // the search parameters HAPI binds
    public IBundleProvider search(@OptionalParam(name = Appointment.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = Appointment.SP_SLOT) ReferenceParam slot,
                                  @OptionalParam(name = Appointment.SP_ACTOR) ReferenceParam actor,
                                  @OptionalParam(name = Appointment.SP_PRACTITIONER) ReferenceParam practitioner,
                                  @OptionalParam(name = Appointment.SP_BASED_ON) ReferenceParam basedOn,
                                  @OptionalParam(name = Appointment.SP_DATE) DateRangeParam date,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        Pages.Request page = Pages.request(count, offset, Pages.DEFAULT_COUNT, 1, Pages.MAX_COUNT);
        var changed = LastUpdated.window(lastUpdated);
        UUID slotId = slot == null ? null : SchedulingFhir.uuid(slot.getValue(), "Slot", "slot");
        UUID resident = patient == null ? null : SchedulingFhir.uuid(patient.getValue(), "Patient", "patient");
        UUID who = practitioner != null ? SchedulingFhir.uuid(practitioner.getValue(), "Practitioner", "practitioner")
                : actor == null ? null : SchedulingFhir.uuid(actor.getValue(), null, "actor");
        UUID request = basedOn == null ? null : SchedulingFhir.uuid(basedOn.getValue(), "ServiceRequest", "based-on");
        if (resident == null && slotId == null && who == null && request == null) {
            throw new InvalidInputException("patient", "field.required");
        }
        List<Appointment> all = new ArrayList<>();
        if (who == null && request == null && date == null) {
            if (resident != null) {
                scheduling.bookingsOf(new ResidentId(resident), changed).stream()
                        .filter(b -> slotId == null || b.slotId().value().equals(slotId))
                        .map(BookingToAppointmentMapper::appointment).forEach(all::add);
            } else {
                // resident, who and request are null here, so the check above leaves slotId non-null
                scheduling.bookingsOfSlot(new SlotId(Objects.requireNonNull(slotId, "slotId")), changed).stream()
                        .map(BookingToAppointmentMapper::appointment).forEach(all::add);
            }
        }
        if (slotId == null) {
            all.addAll(sessions.search(resident, who, request, date, lastUpdated));
        }
        return Pages.slice(page, all);
    }
}
