package org.medunion.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.RegistryManagement;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/PractitionerRole} (read-only): the home role of each practitioner (id = practitioner id)
 * and one role per dispatch (id = dispatch id) at the receiving institution, for the dispatch term.
 */
@Component
public class PractitionerRoleResourceProvider implements IResourceProvider {

    private final RegistryManagement registry;
    private final StaffToPractitionerRoleMapper mapper;
    private final VisiblePractitioners visible;

    PractitionerRoleResourceProvider(RegistryManagement registry, StaffToPractitionerRoleMapper mapper,
                                     VisiblePractitioners visible) {
        this.registry = registry;
        this.mapper = mapper;
        this.visible = visible;
    }

    @Override
    public Class<PractitionerRole> getResourceType() {
        return PractitionerRole.class;
    }

    /** read, and vread of the current version (older versions are not kept: 404, docs/fhir.md "Versions"). */
    @Read(version = true)
    public PractitionerRole read(@IdParam IdType id) {
        return Versions.current(id, readCurrent(id));
    }

    private PractitionerRole readCurrent(IdType id) {
        UUID uuid = OrganizationResourceProvider.uuid(id);
        if (uuid == null) {
            throw new ResourceNotFoundException(id);
        }
        var home = registry.practitioner(new PractitionerId(uuid));
        if (home.isPresent()) {
            return mapper.home(home.get());
        }
        return registry.consortia().stream().flatMap(c -> registry.dispatches(c.id()).stream())
                .filter(d -> d.id().equals(uuid)).findFirst().map(mapper::dispatch)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = PractitionerRole.SP_RES_ID) TokenParam id,
                                  @OptionalParam(name = PractitionerRole.SP_PRACTITIONER) ReferenceParam practitioner,
                                  @OptionalParam(name = PractitionerRole.SP_ORGANIZATION) ReferenceParam organization,
                                  @OptionalParam(name = PractitionerRole.SP_ROLE) TokenParam role,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        var candidates = new ArrayList<PractitionerRole>();
        var changed = LastUpdated.window(lastUpdated);
        UUID practitionerId = Searches.referenceUuid(practitioner);
        if (practitionerId != null) {
            registry.practitioner(new PractitionerId(practitionerId)).filter(p -> LastUpdated.admits(lastUpdated, p.updatedAt()))
                    .map(mapper::home).ifPresent(candidates::add);
        } else if (practitioner == null || practitioner.isEmpty()) {
            visible.practitioners(changed).forEach(p -> candidates.add(mapper.home(p)));
        }
        // home roles change with their practitioner, dispatch roles are recorded once: both selected in SQL
        registry.visibleDispatches(changed).forEach(d -> candidates.add(mapper.dispatch(d)));
        var matches = candidates.stream()
                .filter(r -> Searches.id(id, r))
                .filter(r -> Searches.reference(practitioner, r.getPractitioner()))
                .filter(r -> Searches.reference(organization, r.getOrganization()))
                .filter(r -> Searches.codes(role, r.getCode()))
                .toList();
        return Searches.bundle(matches, Comparator.comparing(r -> r.getPractitioner().getReference()), Pages.request(count, offset));
    }
}
