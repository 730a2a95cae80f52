package org.medunion.fhir.internal.scheduling;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationManagement;
import org.medunion.consultation.ConsultationSearch;
import org.medunion.consultation.ConsultationView;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.policy.PolicyThresholds;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The consultation-session kind of {@link AppointmentResourceProvider}: reads and searches go through the consultation
 * module, so only the two sides and their consortium office see a session, and every consultation read is audited
 * with the resident there. {@code _lastUpdated} and {@code patient} are SQL filters of the module's scoped search;
 * the actor and date filters apply to the (at most {@value #MAX} newest) consultations the caller sees.
 */
@Component
class ConsultationSessions {

    static final int MAX = 500;

    private final ConsultationManagement consultations;
    private final PolicyThresholds thresholds;

    ConsultationSessions(ConsultationManagement consultations, PolicyThresholds thresholds) {
        this.consultations = consultations;
        this.thresholds = thresholds;
    }

    static boolean isSession(String idPart) {
        return idPart != null && idPart.endsWith(ConsultationSessionMapper.SUFFIX);
    }

    Appointment read(IdType id) {
        String part = id.getIdPart();
        String uuid = part.substring(0, part.length() - ConsultationSessionMapper.SUFFIX.length());
        try {
            var c = consultations.get(new ConsultationId(SchedulingFhir.uuid(uuid, null, "id")));
            Appointment a = ConsultationSessionMapper.appointment(c, length());
            if (a == null) {
                throw new ResourceNotFoundException(id);
            }
            return a;
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    /** The sessions the caller sees matching every given criterion (null = any), newest change first. */
    List<Appointment> search(@Nullable UUID resident, @Nullable UUID actor, @Nullable UUID basedOn,
                             @Nullable DateRangeParam date, @Nullable DateRangeParam lastUpdated) {
        List<ConsultationView> found = new ArrayList<>();
        if (basedOn != null) {
            try {
                found.add(consultations.get(new ConsultationId(basedOn)));
            } catch (NotFoundException e) {
                return List.of();
            }
        } else {
            found.addAll(consultations.search(new ConsultationSearch(null, null, null, resident, null,
                    LastUpdated.from(lastUpdated), LastUpdated.to(lastUpdated), MAX, 0)).items());
        }
        Instant from = LastUpdated.from("date", date);
        Instant to = LastUpdated.to("date", date);
        Duration length = length();
        return found.stream()
                .filter(c -> resident == null || resident.equals(c.residentId()))
                .filter(c -> LastUpdated.admits(lastUpdated, c.updatedAt()))
                .filter(c -> actor == null || actor.equals(c.expertPractitionerId()) || actor.equals(c.fromPractitionerId())
                        || actor.equals(c.fromInstitutionId()) || actor.equals(c.toInstitutionId())
                        || actor.equals(c.residentId()))
                .filter(c -> ConsultationSessionMapper.hasSession(c) && within(ConsultationSessionMapper.start(c), from, to))
                .map(c -> ConsultationSessionMapper.appointment(c, length)).filter(Objects::nonNull).toList();
    }

    private static boolean within(Instant at, @Nullable Instant from, @Nullable Instant to) {
        return (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
    }

    /** TM-14 {@code sessionMinutes}: the national default (a session is not tied to one jurisdiction's override). */
    @SuppressWarnings("NullAway") // the pack's national value: no division
    private Duration length() {
        return Duration.ofMinutes(Integer.parseInt(thresholds.threshold("TM-14", "sessionMinutes", null).value().strip()));
    }
}
