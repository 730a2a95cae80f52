package org.medunion.fhir.internal;

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
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.MembershipView;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/OrganizationAffiliation}: one resource per membership of an institution in a consortium.
 * Create adds a member through {@link RegistryManagement#addMember}; the policy rules may refuse it
 * (422 OperationOutcome, code business-rule, naming the rule, e.g. SH-3).
 */
@Component
public class OrganizationAffiliationResourceProvider implements IResourceProvider {

    private static final Map<String, String> PATHS = Map.of(
            "institutionId", "OrganizationAffiliation.participatingOrganization",
            "members", "OrganizationAffiliation.participatingOrganization",
            "role", "OrganizationAffiliation.code",
            "basis", Elements.extensionPath("OrganizationAffiliation", Systems.EXT_MEMBERSHIP_BASIS),
            "startDate", "OrganizationAffiliation.period.start",
            "leadDiscipline", "OrganizationAffiliation.specialty",
            "overrideReason", Elements.extensionPath("OrganizationAffiliation", Systems.EXT_OVERRIDE_REASON));

    private final RegistryManagement registry;
    private final MembershipToOrganizationAffiliationMapper mapper;

    OrganizationAffiliationResourceProvider(RegistryManagement registry, MembershipToOrganizationAffiliationMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    @Override
    public Class<OrganizationAffiliation> getResourceType() {
        return OrganizationAffiliation.class;
    }

    @Read
    public OrganizationAffiliation read(@IdParam IdType id) {
        UUID uuid = OrganizationResourceProvider.uuid(id);
        return registry.consortia().stream().flatMap(c -> c.members().stream())
                .filter(m -> m.id().equals(uuid)).findFirst().map(mapper::toAffiliation)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = OrganizationAffiliation.SP_RES_ID) TokenParam id,
                                  @OptionalParam(name = OrganizationAffiliation.SP_PRIMARY_ORGANIZATION) ReferenceParam organization,
                                  @OptionalParam(name = OrganizationAffiliation.SP_PARTICIPATING_ORGANIZATION) ReferenceParam participating,
                                  @OptionalParam(name = OrganizationAffiliation.SP_ROLE) TokenParam role,
                                  @OptionalParam(name = OrganizationAffiliation.SP_ACTIVE) TokenParam active,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        // the memberships of the consortia the caller sees, changed within _lastUpdated: selected in SQL
        var matches = registry.memberships(LastUpdated.window(lastUpdated)).stream().map(mapper::toAffiliation)
                .filter(a -> Searches.id(id, a))
                .filter(a -> Searches.reference(organization, a.getOrganization()))
                .filter(a -> Searches.reference(participating, a.getParticipatingOrganization()))
                .filter(a -> Searches.codes(role, a.getCode()))
                .filter(a -> Searches.bool(active, a.getActive()))
                .toList();
        return Searches.bundle(matches, Comparator.comparing(a -> a.getOrganization().getReference()), Pages.request(count, offset));
    }

    /** Adds a member to a consortium (an ADJUSTMENT change report, SH-10). */
    @Create
    public MethodOutcome create(@ResourceParam OrganizationAffiliation affiliation) {
        ConsortiumId consortiumId = mapper.consortium(affiliation);
        var command = mapper.toCommand(affiliation);
        var before = registry.consortium(consortiumId)
                .orElseThrow(() -> new NotFoundException("Organization", consortiumId))
                .members().stream().map(MembershipView::id).collect(Collectors.toCollection(HashSet::new));
        ConsortiumView after;
        try {
            after = registry.addMember(consortiumId, command);
        } catch (RuntimeException e) {
            throw FieldPaths.translate(e, "OrganizationAffiliation", PATHS);
        }
        MembershipView added = after.members().stream()
                .filter(m -> !before.contains(m.id()) && m.institutionId().equals(command.institutionId()))
                .findFirst()
                .orElseGet(() -> after.members().stream()
                        .filter(m -> m.institutionId().equals(command.institutionId()) && m.role() == command.role()
                                && m.endDate() == null)
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("OrganizationAffiliation", String.valueOf(command.institutionId()))));
        var outcome = new MethodOutcome(new IdType("OrganizationAffiliation", added.id().toString()), true);
        outcome.setResource(mapper.toAffiliation(added));
        return outcome;
    }
}
