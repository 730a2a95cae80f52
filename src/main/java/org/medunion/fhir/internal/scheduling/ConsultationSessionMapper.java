package org.medunion.fhir.internal.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationPanel;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationView;
import org.medunion.fhir.internal.Systems;

/**
 * A consultation's session as FHIR Appointment {@code <consultation>-session} (decision 0245): proposed at the
 * requested time while the invited side decides, booked at the accepted session time, arrived while in session,
 * fulfilled once the opinion is written, cancelled when declined, cancelled or expired. Participants: the patient,
 * the inviting institution (and its physician), the invited institution and its expert, the further MDT experts and those a
 * held session recorded; {@code slot} the expert's booked consultation Slot (decision 0255); {@code basedOn} the
 * consultation's ServiceRequest. The end is the start plus pack TM's {@code sessionMinutes} (TM-14): the module
 * records when a session starts, not how long it is planned to last, and R4 needs an end on a booked Appointment.
 */
final class ConsultationSessionMapper {

    static final String SUFFIX = "-session";
    static final String CS_TYPE = Systems.codeSystem("consultation-type");
    /** Forms held as a live session; remote diagnosis and advice only have one only when a time was agreed. */
    private static final Set<ConsultationType> LIVE = EnumSet.of(ConsultationType.INTER_HOSPITAL, ConsultationType.REMOTE,
            ConsultationType.MDT, ConsultationType.JOINT_CLINIC, ConsultationType.REMOTE_ROUNDS);

    private ConsultationSessionMapper() {
    }

    /** Whether the consultation has a session at all. */
    static boolean hasSession(ConsultationView c) {
        return LIVE.contains(c.type()) || c.sessionAt() != null;
    }

    /** The session's planned start: the accepted time, else the proposed one. */
    static Instant start(ConsultationView c) {
        Instant at = c.sessionAt();
        return at != null ? at : c.request().proposedTime();
    }

    /** The Appointment, or {@code null} when the consultation has no session. */
    static @Nullable Appointment appointment(ConsultationView c, Duration length) {
        if (!hasSession(c)) {
            return null;
        }
        var a = new Appointment();
        // Appointment is no-version (bookings keep none): no versionId, the consultation's change time
        a.setId(new IdType("Appointment", c.id() + SUFFIX));
        a.getMeta().setLastUpdated(Date.from(c.updatedAt()));
        a.setStatus(status(c.status()));
        a.addServiceType().addCoding().setSystem(CS_TYPE).setCode(Systems.code(c.type()));
        a.setDescription(c.number());
        a.addBasedOn(new Reference("ServiceRequest/" + c.id()));
        a.setCreated(Date.from(c.createdAt()));
        Instant start = start(c);
        if (a.getStatus() == Appointment.AppointmentStatus.PROPOSED
                || a.getStatus() == Appointment.AppointmentStatus.CANCELLED && c.sessionAt() == null) {
            a.addRequestedPeriod().setStart(Date.from(start));
        } else {
            a.setStart(Date.from(start));
            a.setEnd(Date.from(start.plus(length)));
            a.setMinutesDuration((int) length.toMinutes());
        }
        if (a.getStatus() == Appointment.AppointmentStatus.CANCELLED && c.declineReason() != null) {
            a.getCancelationReason().setText(c.declineReason());
        }
        boolean agreed = c.status() != ConsultationStatus.REQUESTED && c.status() != ConsultationStatus.INFO_REQUESTED;
        participant(a, "Patient/" + c.residentId(), ParticipationStatus.ACCEPTED);
        participant(a, "Organization/" + c.fromInstitutionId(), ParticipationStatus.ACCEPTED);
        UUID from = c.fromPractitionerId();
        if (from != null) {
            participant(a, "Practitioner/" + from, ParticipationStatus.ACCEPTED);
        }
        ParticipationStatus invited = c.status() == ConsultationStatus.DECLINED ? ParticipationStatus.DECLINED
                : agreed ? ParticipationStatus.ACCEPTED : ParticipationStatus.NEEDSACTION;
        participant(a, "Organization/" + c.toInstitutionId(), invited);
        UUID expert = c.expertPractitionerId();
        if (expert != null) {
            participant(a, "Practitioner/" + expert, invited);
        }
        panel(a, c.panel(), invited);
        return a;
    }

    /**
     * Decision 0255: the booked consultation Slot of the lead expert (while not released), the further MDT experts and
     * whoever a held session recorded as present, each once.
     */
    private static void panel(Appointment a, ConsultationPanel panel, ParticipationStatus invited) {
        var slot = panel.slot();
        if (slot != null && !slot.released()) {
            a.addSlot(new Reference("Slot/" + slot.slotId()));
        }
        var seen = new HashSet<String>();
        a.getParticipant().forEach(p -> seen.add(p.getActor().getReference()));
        for (var e : panel.experts()) {
            if (seen.add("Practitioner/" + e.id())) {
                participant(a, "Practitioner/" + e.id(), invited);
            }
        }
        for (var held : panel.held()) {
            for (var p : held.participants()) {
                if (seen.add("Practitioner/" + p.practitionerId())) {
                    participant(a, "Practitioner/" + p.practitionerId(), ParticipationStatus.ACCEPTED);
                }
            }
        }
    }

    static Appointment.AppointmentStatus status(ConsultationStatus s) {
        return switch (s) {
            case REQUESTED, INFO_REQUESTED -> Appointment.AppointmentStatus.PROPOSED;
            case ACCEPTED -> Appointment.AppointmentStatus.BOOKED;
            case IN_SESSION -> Appointment.AppointmentStatus.ARRIVED;
            case OPINION_DRAFTED, OPINION_SIGNED, ACKNOWLEDGED, CLOSED -> Appointment.AppointmentStatus.FULFILLED;
            case DECLINED, CANCELLED, EXPIRED -> Appointment.AppointmentStatus.CANCELLED;
        };
    }

    private static void participant(Appointment a, String reference, ParticipationStatus status) {
        a.addParticipant().setActor(new Reference(reference)).setStatus(status);
    }
}
