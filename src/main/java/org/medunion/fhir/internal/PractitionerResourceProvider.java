package org.medunion.fhir.internal;

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
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/Practitioner}: read, search (name, identifier, _id), create, version-aware update.
 * Practitioners are personal data: reads are audited ({@link PersonalDataAuditInterceptor}) and a
 * search returns only practitioners of institutions in the caller's scope.
 */
@Component
public class PractitionerResourceProvider implements IResourceProvider {

    private static final Map<String, String> PATHS = Map.of(
            "name", "Practitioner.name",
            "institutionId", Elements.extensionPath("Practitioner", Systems.EXT_PRACTITIONER_INSTITUTION),
            "profession", "Practitioner.qualification",
            "title", "Practitioner.qualification",
            "titleDate", "Practitioner.qualification[0].period.start",
            "discipline", Elements.extensionPath("Practitioner", Systems.EXT_DISCIPLINE));

    private final RegistryManagement registry;
    private final PractitionerToPractitionerMapper mapper;
    private final VisiblePractitioners visible;

    PractitionerResourceProvider(RegistryManagement registry, PractitionerToPractitionerMapper mapper,
                                 VisiblePractitioners visible) {
        this.registry = registry;
        this.mapper = mapper;
        this.visible = visible;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    /** read, and vread of the current version (older versions are not kept: 404, docs/fhir.md "Versions"). */
    @Read(version = true)
    public Practitioner read(@IdParam IdType id) {
        return Versions.current(id, readCurrent(id));
    }

    private Practitioner readCurrent(IdType id) {
        return find(id).map(mapper::toPractitioner).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Practitioner.SP_RES_ID) TokenParam id,
                                  @OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier,
                                  @OptionalParam(name = Practitioner.SP_NAME) StringParam name,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        List<PractitionerView> candidates = id != null && !id.isEmpty()
                ? find(new IdType("Practitioner", id.getValue())).filter(p -> LastUpdated.admits(lastUpdated, p.updatedAt()))
                        .stream().toList()
                : visible.practitioners(LastUpdated.window(lastUpdated));
        var matches = candidates.stream().map(mapper::toPractitioner)
                .filter(p -> Searches.id(id, p))
                .filter(p -> Searches.identifier(identifier, p.getIdentifier()))
                .filter(p -> Searches.string(name, p.getNameFirstRep().getText()))
                .toList();
        return Searches.bundle(matches, Comparator.comparing(p -> p.getNameFirstRep().getText(),
                Comparator.nullsLast(String::compareTo)), Pages.request(count, offset));
    }

    @Create
    public MethodOutcome create(@ResourceParam Practitioner practitioner) {
        var command = mapper.toCommand(practitioner);
        PractitionerView created;
        try {
            created = registry.registerPractitioner(command);
        } catch (RuntimeException e) {
            throw FieldPaths.translate(e, "Practitioner", PATHS);
        }
        var outcome = new MethodOutcome(versioned(created), true);
        outcome.setResource(mapper.toPractitioner(created));
        return outcome;
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Practitioner practitioner, RequestDetails request) {
        if (practitioner.hasIdElement() && practitioner.getIdElement().hasIdPart()
                && !practitioner.getIdElement().getIdPart().equals(id.getIdPart())) {
            throw new InvalidInputException("Practitioner.id", "fhir.idMismatch", practitioner.getIdElement().getIdPart(),
                    id.getIdPart());
        }
        var current = find(id).orElseThrow(() -> new ResourceNotFoundException(id));
        long expected = Versions.expected(request, practitioner, current.version());
        var command = mapper.toCommand(practitioner);
        PractitionerView updated;
        try {
            updated = registry.updatePractitioner(current.id(), expected, command);
        } catch (RuntimeException e) {
            throw FieldPaths.translate(e, "Practitioner", PATHS);
        }
        var outcome = new MethodOutcome(versioned(updated), false);
        outcome.setResource(mapper.toPractitioner(updated));
        return outcome;
    }

    private Optional<PractitionerView> find(IdType id) {
        UUID uuid = OrganizationResourceProvider.uuid(id);
        return uuid == null ? Optional.empty() : registry.practitioner(new PractitionerId(uuid));
    }

    private static IdType versioned(PractitionerView v) {
        return new IdType("Practitioner", v.id().toString(), Long.toString(v.version()));
    }
}
