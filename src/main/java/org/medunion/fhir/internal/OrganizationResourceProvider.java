package org.medunion.fhir.internal;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/Organization}: institutions (read, search, create with If-None-Exist, version-aware update)
 * and consortia (read, search; type {@code consortium}). Both are UUIDs, so they share the id space
 * without clashes. Everything goes through {@link RegistryManagement}, which limits reads to the
 * caller's scope, checks changes against the policy rules and audits them.
 */
@Component
public class OrganizationResourceProvider implements IResourceProvider {

    static final String SP_DISTRICT = "district";

    /** Registry field → FHIR element, for errors the registry raises itself. */
    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("name", "Organization.name"),
            Map.entry("creditCode", "Organization.identifier"),
            Map.entry("category", "Organization.type"),
            Map.entry("level", "Organization.type"),
            Map.entry("grade", "Organization.type"),
            Map.entry("ownership", "Organization.type"),
            Map.entry("affiliation", "Organization.type"),
            Map.entry("districtCode", "Organization.address[0].district"),
            Map.entry("address", "Organization.address[0].text"),
            Map.entry("parentId", "Organization.partOf"),
            Map.entry("gridId", Elements.extensionPath("Organization", Systems.EXT_GRID)),
            Map.entry("ownerBody", Elements.extensionPath("Organization", Systems.EXT_OWNER_BODY)),
            Map.entry("tcm", Elements.extensionPath("Organization", Systems.EXT_TCM)),
            Map.entry("regionalMedicalCentre", Elements.extensionPath("Organization", Systems.EXT_REGIONAL_MEDICAL_CENTRE)),
            Map.entry("campuses", Elements.extensionPath("Organization", Systems.EXT_CAMPUS)),
            Map.entry("keySpecialties", Elements.extensionPath("Organization", Systems.EXT_KEY_SPECIALTY)));

    private final RegistryManagement registry;
    private final InstitutionToOrganizationMapper institutions;
    private final ConsortiumToOrganizationMapper consortia;

    OrganizationResourceProvider(RegistryManagement registry, InstitutionToOrganizationMapper institutions,
                                 ConsortiumToOrganizationMapper consortia) {
        this.registry = registry;
        this.institutions = institutions;
        this.consortia = consortia;
    }

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    /** read, and vread of the current version (older versions are not kept: 404, docs/fhir.md "Versions"). */
    @Read(version = true)
    public Organization read(@IdParam IdType id) {
        return Versions.current(id, readCurrent(id));
    }

    private Organization readCurrent(IdType id) {
        UUID uuid = uuid(id);
        if (uuid != null) {
            var institution = registry.institution(new InstitutionId(uuid));
            if (institution.isPresent()) {
                return institutions.toOrganization(institution.get());
            }
            var consortium = registry.consortium(new ConsortiumId(uuid));
            if (consortium.isPresent()) {
                return consortia.toOrganization(consortium.get());
            }
        }
        throw new ResourceNotFoundException(id);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Organization.SP_RES_ID) TokenParam id,
                                  @OptionalParam(name = Organization.SP_IDENTIFIER) TokenParam identifier,
                                  @OptionalParam(name = Organization.SP_NAME) StringParam name,
                                  @OptionalParam(name = Organization.SP_TYPE) TokenOrListParam type,
                                  @OptionalParam(name = SP_DISTRICT) StringParam district,
                                  @OptionalParam(name = Organization.SP_PARTOF) ReferenceParam partOf,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        var candidates = new ArrayList<Organization>();
        var changed = LastUpdated.window(lastUpdated);
        registry.searchInstitutions(InstitutionSearch.all(), changed).forEach(i -> candidates.add(institutions.toOrganization(i)));
        if (partOf == null || partOf.isEmpty()) {
            registry.consortia(changed).forEach(c -> candidates.add(consortia.toOrganization(c)));
        }
        var matches = candidates.stream()
                .filter(o -> Searches.id(id, o))
                .filter(o -> Searches.identifier(identifier, o.getIdentifier()))
                .filter(o -> Searches.string(name, o.getName()))
                .filter(o -> Searches.codes(type, o.getType()))
                .filter(o -> Searches.prefix(district, o.hasAddress() ? o.getAddressFirstRep().getDistrict() : null))
                .filter(o -> Searches.reference(partOf, o.getPartOf()))
                .toList();
        return Searches.bundle(matches, Comparator.comparing(Organization::getName, Comparator.nullsLast(String::compareTo)),
                Pages.request(count, offset));
    }

    /**
     * Registers an institution. With {@code If-None-Exist: identifier=<uscc system>|<code>} an existing
     * institution with that credit code is returned (200) instead of a duplicate being created.
     */
    @Create
    public MethodOutcome create(@ResourceParam Organization organization, @ConditionalUrlParam String conditionalUrl) {
        if (conditionalUrl != null && !conditionalUrl.isBlank()) {
            var existing = conditionalMatch(conditionalUrl);
            if (existing.isPresent()) {
                var org = institutions.toOrganization(existing.get());
                var outcome = new MethodOutcome(versioned(existing.get()), false);
                outcome.setResource(org);
                return outcome;
            }
        }
        RegisterInstitution command = institutions.toCommand(organization);
        InstitutionView created;
        try {
            created = registry.registerInstitution(command);
        } catch (RuntimeException e) {
            throw FieldPaths.translate(e, "Organization", PATHS);
        }
        var outcome = new MethodOutcome(versioned(created), true);
        outcome.setResource(institutions.toOrganization(created));
        return outcome;
    }

    /** Changes an institution; {@code If-Match: W/"<version>"} must name the current version (else 412). */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Organization organization, RequestDetails request) {
        UUID uuid = uuid(id);
        if (organization.hasIdElement() && organization.getIdElement().hasIdPart()
                && !organization.getIdElement().getIdPart().equals(id.getIdPart())) {
            throw new InvalidInputException("Organization.id", "fhir.idMismatch", organization.getIdElement().getIdPart(),
                    id.getIdPart());
        }
        var current = uuid == null ? Optional.<InstitutionView>empty() : registry.institution(new InstitutionId(uuid));
        if (current.isEmpty()) {
            if (uuid != null && registry.consortium(new ConsortiumId(uuid)).isPresent()) {
                throw new InvalidInputException("Organization.type", "fhir.consortiumCreate");
            }
            throw new ResourceNotFoundException(id);
        }
        long expected = Versions.expected(request, organization, current.get().version());
        RegisterInstitution command = institutions.toCommand(organization);
        InstitutionView updated;
        try {
            updated = registry.updateInstitution(current.get().id(), expected, command);
        } catch (RuntimeException e) {
            throw FieldPaths.translate(e, "Organization", PATHS);
        }
        var outcome = new MethodOutcome(versioned(updated), false);
        outcome.setResource(institutions.toOrganization(updated));
        return outcome;
    }

    private Optional<InstitutionView> conditionalMatch(String conditionalUrl) {
        String query = conditionalUrl.contains("?") ? conditionalUrl.substring(conditionalUrl.indexOf('?') + 1) : conditionalUrl;
        String[] pairs = query.split("&");
        if (pairs.length != 1 || !pairs[0].startsWith("identifier=")) {
            throw new InvalidInputException("If-None-Exist", "fhir.conditionalCreate", conditionalUrl);
        }
        String token = URLDecoder.decode(pairs[0].substring("identifier=".length()), StandardCharsets.UTF_8);
        int bar = token.indexOf('|');
        String system = bar < 0 ? null : token.substring(0, bar);
        String value = bar < 0 ? token : token.substring(bar + 1);
        if (value.isBlank()) {
            throw new InvalidInputException("If-None-Exist", "fhir.conditionalCreate", conditionalUrl);
        }
        if (system == null || system.isEmpty() || Systems.USCC.equals(system)) {
            var byCode = registry.institutionByCreditCode(value.trim().toUpperCase());
            if (byCode.isPresent() || system != null) {
                return byCode;
            }
        }
        if (system == null || system.isEmpty() || Systems.ID_INSTITUTION.equals(system)) {
            try {
                return registry.institution(new InstitutionId(UUID.fromString(value.trim())));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        throw new InvalidInputException("If-None-Exist", "fhir.conditionalCreate", conditionalUrl);
    }

    private static IdType versioned(InstitutionView v) {
        return new IdType("Organization", v.id().toString(), Long.toString(v.version()));
    }

    static @Nullable UUID uuid(IdType id) {
        try {
            return UUID.fromString(id.getIdPart());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
