package org.medunion.fhir.internal.scheduling;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.IdType;
import org.medunion.fhir.internal.Pages;
import org.medunion.registry.InstitutionId;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.SchedulingManagement;
import org.springframework.stereotype.Component;

/**
 * FHIR HealthcareService: the department a Schedule serves (its {@code actor}; same id as the schedule), read and
 * searched by {@code organization}, scoped like the schedules themselves.
 */
@Component
public class HealthcareServiceResourceProvider implements IResourceProvider {

    private final SchedulingManagement scheduling;

    HealthcareServiceResourceProvider(SchedulingManagement scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public Class<HealthcareService> getResourceType() {
        return HealthcareService.class;
    }

    @Read
    public HealthcareService read(@IdParam IdType id) {
        return scheduling.schedule(new ScheduleId(SchedulingFhir.uuid(id.getIdPart(), null, "id")))
                .map(SlotToSlotMapper::service)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = HealthcareService.SP_ORGANIZATION) ReferenceParam organization,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        InstitutionId institution = organization == null ? null
                : new InstitutionId(SchedulingFhir.uuid(organization.getValue(), "Organization", "organization"));
        return Pages.slice(Pages.request(count, offset),
                scheduling.schedules(institution).stream().map(SlotToSlotMapper::service).toList());
    }
}
