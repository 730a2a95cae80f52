package org.medunion.fhir.internal.scheduling;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Schedule;
import org.medunion.registry.InstitutionId;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.SchedulingManagement;
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

    @Search
    public List<Schedule> search(@OptionalParam(name = Schedule.SP_ACTOR) ReferenceParam actor) {
        InstitutionId institution = actor == null ? null
                : new InstitutionId(SchedulingFhir.uuid(actor.getValue(), "Organization", "actor"));
        return scheduling.schedules(institution).stream().map(s -> SlotToSlotMapper.schedule(s, clock.getZone())).toList();
    }
}
