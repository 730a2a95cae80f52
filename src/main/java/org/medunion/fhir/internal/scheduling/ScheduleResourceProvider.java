package org.medunion.fhir.internal.scheduling;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Schedule;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.registry.InstitutionId;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** FHIR Schedule: read, and search by {@code actor} (Organization/…); scoped like the REST API. */
@Component
public class ScheduleResourceProvider implements IResourceProvider {

    private final SchedulingManagement scheduling;
    private final Clock clock;

    ScheduleResourceProvider(SchedulingManagement scheduling, Clock clock) {
        this.scheduling = scheduling;
        this.clock = clock;
    }

    @Override
    public Class<Schedule> getResourceType() {
        return Schedule.class;
    }

    @Read
    public Schedule read(@IdParam IdType id) {
        return scheduling.schedule(new ScheduleId(SchedulingFhir.uuid(id.getIdPart(), null, "id")))
                .map(s -> SlotToSlotMapper.schedule(s, clock.getZone()))
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /**
     * {@code actor}: {@code HealthcareService/<id>} (the department, = that schedule), {@code Practitioner/<id>}, or
     * — the MedUnion shortcut integrators already use — {@code Organization/<id>} for all schedules of an institution.
     */
    @Search
    public IBundleProvider search(@OptionalParam(name = Schedule.SP_ACTOR) ReferenceParam actor,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        Pages.Request page = Pages.request(count, offset);
        var changed = LastUpdated.window(lastUpdated);
        String type = actor == null ? null : actor.getResourceType();
        if (actor == null || type == null || "Organization".equals(type)) {
            InstitutionId institution = actor == null ? null
                    : new InstitutionId(SchedulingFhir.uuid(actor.getIdPart(), null, "actor"));
            return Pages.slice(page, scheduling.schedules(institution, changed).stream()
                    .map(s -> SlotToSlotMapper.schedule(s, clock.getZone())).toList());
        }
        var id = SchedulingFhir.uuid(actor.getIdPart(), null, "actor");
        return switch (type) {
            case "HealthcareService" -> Pages.slice(page, scheduling.schedule(new ScheduleId(id))
                    .filter(s -> LastUpdated.admits(lastUpdated, s.createdAt()))
                    .map(s -> SlotToSlotMapper.schedule(s, clock.getZone())).stream().toList());
            case "Practitioner" -> Pages.slice(page, scheduling.schedules(null, changed).stream()
                    .filter(s -> s.practitionerId() != null && s.practitionerId().value().equals(id))
                    .map(s -> SlotToSlotMapper.schedule(s, clock.getZone())).toList());
            default -> throw new InvalidInputException("actor", "request.invalidField", type,
                    "HealthcareService, Practitioner, Organization");
        };
    }
}
